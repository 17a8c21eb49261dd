package fr.asso.europlie.plie.cohort.csv;

import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.error.InvalidValueException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CSV files of a cohort (fichiers CSV de la cohorte), as texts: periods, steps, identities and
 * referents. Only the periods are required; a pseudonymised export has no identities.
 *
 * @param periods {@code periods.csv}: one row per accompaniment period, not null
 * @param steps {@code steps.csv}: one row per step, or null when there is none
 * @param identities {@code identities.csv}: one row per participant's identity or erasure, or null
 * @param referents {@code referents.csv}: one row per referent, or null
 */
public record CsvFiles(String periods, String steps, String identities, String referents) {

    /** The file names in a folder. */
    public static final String PERIODS = "periods.csv";
    /** The steps' file name. */
    public static final String STEPS = "steps.csv";
    /** The identities' file name. */
    public static final String IDENTITIES = "identities.csv";
    /** The referents' file name. */
    public static final String REFERENTS = "referents.csv";

    /**
     * Checks that the periods are there.
     *
     * @throws InvalidValueException ({@code PLIE-COHORT-001}) when the periods are missing
     */
    public CsvFiles {
        if (periods == null) {
            throw new InvalidValueException(CohortError.BLANK, PERIODS, null);
        }
    }

    /**
     * Reads the files of a folder, in UTF-8; absent optional files are null.
     *
     * @param folder the folder
     * @return the files
     * @throws InvalidValueException ({@code PLIE-COHORT-028}) when a file cannot be read,
     *         ({@code PLIE-COHORT-001}) when {@code periods.csv} is absent, or ({@code PLIE-COHORT-030})
     *         when a file is beyond {@link CsvLimits#maxFileLength()} at four bytes a character
     */
    public static CsvFiles readFrom(Path folder) {
        return new CsvFiles(read(folder.resolve(PERIODS)), read(folder.resolve(STEPS)), read(folder.resolve(IDENTITIES)),
                read(folder.resolve(REFERENTS)));
    }

    private static String read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            // A UTF-8 character takes at most four bytes: a larger file is beyond the limit in characters too.
            long most = CsvLimits.defaults().maxFileLength();
            long size = Files.size(file);
            if (size / 4 > most) {
                throw new InvalidValueException(CohortError.LIMIT_EXCEEDED, String.valueOf(file.getFileName()), size + " bytes", most,
                        CsvLimits.PROPERTY_PREFIX + "maxFileLength");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidValueException(CohortError.FILE_UNREADABLE, "file", file.getFileName(), e.getMessage());
        }
    }

    /**
     * Writes the files into a folder, in UTF-8; null files are not written.
     *
     * @param folder an existing folder
     * @throws InvalidValueException ({@code PLIE-COHORT-028}) when a file cannot be written
     */
    public void writeTo(Path folder) {
        write(folder.resolve(PERIODS), periods);
        write(folder.resolve(STEPS), steps);
        write(folder.resolve(IDENTITIES), identities);
        write(folder.resolve(REFERENTS), referents);
    }

    private static void write(Path file, String text) {
        if (text == null) {
            return;
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidValueException(CohortError.FILE_UNREADABLE, "file", file.getFileName(), e.getMessage());
        }
    }
}
