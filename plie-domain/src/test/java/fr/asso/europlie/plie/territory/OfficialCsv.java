package fr.asso.europlie.plie.territory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the shipped CSV files by a route independent of {@link Geography}, so that tests compute
 * their expected values without calling the code under test.
 */
final class OfficialCsv {

    /** One line of communes.csv. */
    record CommuneLine(String code, String department, String epci, long population) {
    }

    private static List<CommuneLine> communes;

    private OfficialCsv() {
    }

    /** The data lines of a file (header left out), as text. */
    static List<String> lines(String file) {
        String path = "/fr/asso/europlie/plie/territory/geography/" + file;
        try (InputStream in = OfficialCsv.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            List<String> all = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            return all.subList(1, all.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line of communes.csv (no field of that file is quoted). */
    static synchronized List<CommuneLine> communes() {
        if (communes == null) {
            communes = lines("communes.csv").stream().map(line -> line.split(";", -1))
                    .map(f -> new CommuneLine(f[0], f[2], f[4], f[5].isEmpty() ? 0 : Long.parseLong(f[5])))
                    .toList();
        }
        return communes;
    }
}
