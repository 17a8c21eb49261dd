package fr.asso.europlie.plie.territory;

import fr.asso.europlie.plie.error.InvalidValueException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A pocket of exclusion (poche d'exclusion): a part of the territory where long-term
 * unemployment and poverty concentrate, whose description justifies setting up the PLIE there.
 *
 * @param name its name, such as {@code Vallée de l’Isle}, not blank
 * @param justification why it justifies the plan (figures, diagnostic), not blank
 * @param municipalities the communes it spans, at least one; copied, sorted, without duplicates.
 *     {@link Territory#withExclusionPockets(Collection)} checks they lie in the territory.
 */
public record ExclusionPocket(String name, String justification, List<MunicipalityCode> municipalities) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-TERRITORY-001}) when a text is blank, the list or
     *     an element null; ({@code PLIE-TERRITORY-011}) when the list is empty
     */
    public ExclusionPocket {
        Checks.text(name, "exclusionPocket.name");
        Checks.text(justification, "exclusionPocket.justification");
        municipalities = Checks.codes(municipalities, "exclusionPocket.municipalities");
    }

    /**
     * Creates a pocket of exclusion.
     *
     * @param name its name
     * @param justification why it justifies the plan
     * @param municipalities the communes it spans
     * @return the pocket
     * @throws InvalidValueException as the constructor
     */
    public static ExclusionPocket of(String name, String justification, Collection<MunicipalityCode> municipalities) {
        return new ExclusionPocket(name, justification, municipalities == null ? null : new ArrayList<>(municipalities));
    }
}
