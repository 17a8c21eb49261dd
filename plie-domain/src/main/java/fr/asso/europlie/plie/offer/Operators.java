package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The operators the plan knows (opérateurs connus): an application from any other organisation is
 * not admissible.
 *
 * @param operators the operators, each once, copied
 */
public record Operators(List<Operator> operators) {

    /**
     * Checks and copies the list.
     *
     * @throws InvalidValueException {@code PLIE-OFFER-001} when null, {@code PLIE-OFFER-006} when an
     *     operator appears twice
     */
    public Operators {
        if (operators == null) {
            throw new InvalidValueException(OfferError.BLANK, "operators", null);
        }
        operators = List.copyOf(operators);
        Set<OrganisationId> seen = new HashSet<>();
        for (int i = 0; i < operators.size(); i++) {
            if (!seen.add(operators.get(i).id())) {
                throw new InvalidValueException(OfferError.DUPLICATE, "operators[" + i + "].id", operators.get(i).id());
            }
        }
    }

    /**
     * Creates the list.
     *
     * @param operators the operators
     * @return the list
     */
    public static Operators of(Operator... operators) {
        return new Operators(List.of(operators));
    }

    /**
     * Whether an organisation is a known operator.
     *
     * @param id not null
     * @return true when known
     */
    public boolean knows(OrganisationId id) {
        return find(id).isPresent();
    }

    /**
     * The operator with this identifier.
     *
     * @param id not null
     * @return the operator, if known
     */
    public Optional<Operator> find(OrganisationId id) {
        return operators.stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
