package fr.asso.europlie.plie.territory;

import fr.asso.europlie.plie.error.PlieException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads a geography from the four CSV files of a resource folder ({@code regions.csv},
 * {@code departements.csv}, {@code epci.csv}, {@code communes.csv}) and checks that they agree:
 * every commune's Département, Région and EPCI exist, and every EPCI's member count is right.
 */
final class GeographyFiles {

    private final String folder;

    private GeographyFiles(String folder) {
        this.folder = folder;
    }

    /**
     * Loads the files.
     *
     * @throws IllegalStateException naming the file and the line when a file is missing or wrong
     */
    static Geography load(String folder, LocalDate vintage) {
        return new GeographyFiles(folder).read(vintage);
    }

    private Geography read(LocalDate vintage) {
        Map<String, Region> regions = new HashMap<>();
        rows("regions.csv", 2, row -> regions.put(row.get(0), new Region(RegionCode.of(row.get(0)), row.get(1))));

        Map<String, Department> departments = new HashMap<>();
        rows("departements.csv", 4, row -> departments.put(row.get(0), new Department(DepartmentCode.of(row.get(0)),
                row.get(1), known(regions, row.get(2), "region").code(), MunicipalityCode.of(row.get(3)))));

        Map<String, EpciRow> epciRows = new HashMap<>();
        Map<String, Siren> sirens = new HashMap<>();
        rows("epci.csv", 5, row -> {
            Siren siren = Siren.of(row.get(0));
            sirens.put(row.get(0), siren);
            epciRows.put(row.get(0), new EpciRow(siren, row.get(1), EpciType.valueOf(row.get(2)),
                    Integer.parseInt(row.get(3)), Integer.parseInt(row.get(4))));
        });

        List<Municipality> municipalities = new ArrayList<>(36_000);
        Map<String, List<MunicipalityCode>> members = new TreeMap<>();
        rows("communes.csv", 6, row -> {
            Department department = known(departments, row.get(2), "departement");
            Region region = known(regions, row.get(3), "region");
            Optional<Siren> epci = row.get(4).isEmpty() ? Optional.empty() : Optional.of(known(sirens, row.get(4), "epci_siren"));
            MunicipalityCode code = MunicipalityCode.of(row.get(0));
            int population = row.get(5).isEmpty() ? 0 : Integer.parseInt(row.get(5));
            municipalities.add(new Municipality(code, row.get(1), department.code(), region.code(), epci, population));
            epci.ifPresent(siren -> members.computeIfAbsent(siren.value(), s -> new ArrayList<>()).add(code));
        });

        List<Epci> epcis = new ArrayList<>();
        epciRows.forEach((siren, row) -> {
            List<MunicipalityCode> codes = members.getOrDefault(siren, List.of());
            if (codes.size() != row.memberCount()) {
                throw new IllegalStateException(folder + "epci.csv: EPCI " + siren + " announces " + row.memberCount()
                        + " members, communes.csv lists " + codes.size());
            }
            epcis.add(new Epci(row.siren(), row.name(), row.type(), row.population(), codes));
        });
        return new Geography(vintage, List.copyOf(regions.values()), List.copyOf(departments.values()), epcis, municipalities);
    }

    /** One line of epci.csv, read before the communes that give its members. */
    private record EpciRow(Siren siren, String name, EpciType type, int population, int memberCount) {
    }

    private static <T> T known(Map<String, T> index, String key, String column) {
        T value = index.get(key);
        if (value == null) {
            throw new IllegalArgumentException("unknown " + column + " " + key);
        }
        return value;
    }

    private void rows(String file, int columns, Consumer<List<String>> action) {
        String path = folder + file;
        try (InputStream in = GeographyFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("geography resource missing: " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            int number = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                List<String> row = fields(line);
                try {
                    if (row.size() != columns) {
                        throw new IllegalArgumentException(row.size() + " columns instead of " + columns);
                    }
                    action.accept(row);
                } catch (IllegalArgumentException | PlieException e) {
                    throw new IllegalStateException(path + " line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Splits a semicolon-separated line; a field may be quoted with doubled inner quotes. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>(6);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
