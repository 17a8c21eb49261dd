package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Département's territorial insertion pact (Pacte Territorial pour l'Insertion, PTI), as far
 * as the protocol needs it: the Département that owns it, its name and its axes, in which each
 * strategic axis of the PLIE must sit.
 *
 * @param department the code of the Département that owns it (e.g. {@code 24}), not blank
 * @param name the pact's name, not blank
 * @param axes its axes, copied, codes unique
 * @param governanceBody the organisations represented in the PTI's governance body, copied; the
 *     PLIE's animation structure must be among them (mutual representation)
 */
public record TerritorialInsertionPact(String department, String name, List<PtiAxis> axes, List<OrganisationId> governanceBody) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-PROTOCOL-001}, {@code -007})
     */
    public TerritorialInsertionPact {
        if (department == null || department.isBlank()) {
            throw new InvalidValueException(ProtocolError.BLANK, "pti.department", department);
        }
        if (name == null || name.isBlank()) {
            throw new InvalidValueException(ProtocolError.BLANK, "pti.name", name);
        }
        axes = List.copyOf(axes);
        governanceBody = governanceBody == null ? List.of() : List.copyOf(governanceBody);
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PtiAxis axis : axes) {
            if (!seen.add(axis.code())) {
                violations.add(Violation.of(ProtocolError.DUPLICATE, "pti.axes", axis.code()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
    }

    /**
     * The axis with this code.
     *
     * @param code the code
     * @return the axis, or empty
     */
    public Optional<PtiAxis> axis(String code) {
        return axes.stream().filter(a -> a.code().equals(code)).findFirst();
    }
}
