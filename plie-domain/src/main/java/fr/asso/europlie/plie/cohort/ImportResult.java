package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.error.Violation;
import java.util.List;

/**
 * What an import read (résultat d'import): the valid data, and the problems of the participants
 * left out (only with {@link ImportMode#VALID_PARTICIPANTS}; all-or-nothing imports throw instead).
 *
 * @param data the data read
 * @param rejected every problem of the participants left out, each naming the file row and field
 */
public record ImportResult(CohortData data, List<Violation> rejected) {

    /**
     * Copies the list.
     *
     * @throws NullPointerException when a component is null
     */
    public ImportResult {
        java.util.Objects.requireNonNull(data, "data");
        rejected = List.copyOf(rejected);
    }
}
