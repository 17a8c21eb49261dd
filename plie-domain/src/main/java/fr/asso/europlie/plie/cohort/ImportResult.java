package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.error.Violation;
import java.util.List;

/**
 * What an import read (résultat d'import): the valid data, the problems of the participants left
 * out (only with {@link ImportMode#VALID_PARTICIPANTS}; all-or-nothing imports throw instead), and
 * the positive exits imported as not positive (only with {@link ImportedExits#LENIENT}).
 *
 * @param data the data read
 * @param rejected every problem of the participants left out, each naming the file row and field
 *        (CSV) or the document path (JSON)
 * @param unconfirmedExits every imported positive exit whose steps do not meet the positive-exit
 *        rules and that was imported as {@link ExitReason#UNCONFIRMED_POSITIVE}, each a
 *        {@code PLIE-COHORT-033} naming the row (CSV) or the path (JSON), the reason declared and the rule
 */
public record ImportResult(CohortData data, List<Violation> rejected, List<Violation> unconfirmedExits) {

    /**
     * Copies the lists.
     *
     * @throws NullPointerException when a component is null
     */
    public ImportResult {
        java.util.Objects.requireNonNull(data, "data");
        rejected = List.copyOf(rejected);
        unconfirmedExits = List.copyOf(unconfirmedExits);
    }

    /**
     * A result without demoted exits.
     *
     * @param data the data read
     * @param rejected the problems of the participants left out
     */
    public ImportResult(CohortData data, List<Violation> rejected) {
        this(data, rejected, List.of());
    }
}
