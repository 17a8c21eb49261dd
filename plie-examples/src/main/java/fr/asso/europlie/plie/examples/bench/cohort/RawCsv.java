package fr.asso.europlie.plie.examples.bench.cohort;

import fr.asso.europlie.plie.cohort.BarrierKind;
import fr.asso.europlie.plie.cohort.ContractType;
import fr.asso.europlie.plie.cohort.Declaration;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.Gender;
import fr.asso.europlie.plie.cohort.LabourMarketStatus;
import fr.asso.europlie.plie.cohort.ParticipantStatus;
import fr.asso.europlie.plie.cohort.StepType;
import fr.asso.europlie.plie.cohort.csv.CsvFiles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline of the CSV figure: the same files split into cells (lines at {@code \n}, cells at
 * {@code ;}, quoted cells unquoted) and every cell typed as its column says, with the JDK's parsers
 * ({@code LocalDate.parse}, {@code Integer.parseInt}, {@code Enum.valueOf}, {@code new BigDecimal});
 * list cells split at {@code |} and {@code :} and their parts typed. Rows are kept as {@code Object[]}.
 * No check, no error reporting, no model object.
 */
final class RawCsv {

    private RawCsv() {
    }

    // T text, I int, D date, B boolean, N decimal, E enum (class below), L list
    private static final String PERIODS = "TITDTLBDBTDTDTDLLLDEIEDIEEEEBBDEDBBBBDBB";
    private static final Class<?>[] PERIOD_ENUMS = enums(PERIODS, Gender.class, LabourMarketStatus.class, Declaration.class, Declaration.class,
            Declaration.class, Declaration.class, ExitReason.class);
    private static final String STEPS = "TITEDDDTENED";
    private static final Class<?>[] STEP_ENUMS = enums(STEPS, StepType.class, ContractType.class, BarrierKind.class);
    private static final String IDENTITIES = "TTTDTTTTDD";
    private static final String REFERENTS = "TTN";

    private static Class<?>[] enums(String kinds, Class<?>... types) {
        Class<?>[] result = new Class<?>[kinds.length()];
        int t = 0;
        for (int i = 0; i < kinds.length(); i++) {
            if (kinds.charAt(i) == 'E') {
                result[i] = types[t++];
            }
        }
        return result;
    }

    /**
     * Splits and types the files.
     *
     * @param files the files
     * @param fastDays whether days are read by hand ({@code yyyy-MM-dd} digits to {@code LocalDate.of})
     *        rather than with {@code LocalDate.parse}
     * @return the number of rows
     */
    static long splitAndType(CsvFiles files, boolean fastDays) {
        long n = table(files.periods(), PERIODS, PERIOD_ENUMS, fastDays).size();
        n += table(files.steps(), STEPS, STEP_ENUMS, fastDays).size();
        if (files.identities() != null) {
            n += table(files.identities(), IDENTITIES, new Class<?>[IDENTITIES.length()], fastDays).size();
        }
        n += table(files.referents(), REFERENTS, new Class<?>[REFERENTS.length()], fastDays).size();
        return n;
    }

    private static LocalDate day(String text, boolean fast) {
        if (!fast) {
            return LocalDate.parse(text);
        }
        return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10), Integer.parseInt(text, 8, 10, 10));
    }

    private static List<Object[]> table(String text, String kinds, Class<?>[] enums, boolean fastDays) {
        List<Object[]> rows = new ArrayList<>();
        int pos = text.indexOf('\n') + 1; // header
        int columns = kinds.length();
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = text.length();
            }
            Object[] row = new Object[columns];
            int from = pos;
            for (int c = 0; c < columns; c++) {
                String cell;
                if (from < end && text.charAt(from) == '"') {
                    StringBuilder quoted = new StringBuilder();
                    int i = from + 1;
                    while (true) {
                        char ch = text.charAt(i);
                        if (ch == '"') {
                            if (text.charAt(i + 1) == '"') {
                                quoted.append('"');
                                i += 2;
                                continue;
                            }
                            break;
                        }
                        quoted.append(ch);
                        i++;
                    }
                    cell = quoted.toString();
                    from = i + 2;
                } else {
                    int next = text.indexOf(';', from);
                    if (next < 0 || next > end) {
                        next = end;
                    }
                    cell = text.substring(from, next);
                    from = next + 1;
                }
                row[c] = cell.isEmpty() ? null : type(kinds.charAt(c), cell, enums[c], fastDays);
            }
            rows.add(row);
            pos = end + 1;
        }
        return rows;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object type(char kind, String cell, Class<?> type, boolean fastDays) {
        return switch (kind) {
            case 'I' -> Integer.parseInt(cell);
            case 'D' -> day(cell, fastDays);
            case 'B' -> Boolean.valueOf("true".equals(cell));
            case 'N' -> new BigDecimal(cell);
            case 'E' -> Enum.valueOf((Class) type, cell);
            case 'L' -> list(cell, fastDays);
            default -> cell;
        };
    }

    /** A list cell: items at {@code |}, parts at {@code :}; a part of a date's shape is a date, an upper-case one a status. */
    private static Object[] list(String cell, boolean fastDays) {
        String[] items = cell.split("\\|");
        Object[] result = new Object[items.length];
        for (int i = 0; i < items.length; i++) {
            String[] parts = items[i].split(":", -1);
            Object[] typed = new Object[parts.length];
            for (int j = 0; j < parts.length; j++) {
                String part = parts[j];
                if (part.length() == 10 && part.charAt(4) == '-') {
                    typed[j] = day(part, fastDays);
                } else if (j == 1 && parts.length == 2 && !part.isEmpty() && Character.isUpperCase(part.charAt(0)) && part.indexOf('-') < 0) {
                    typed[j] = ParticipantStatus.valueOf(part);
                } else {
                    typed[j] = part;
                }
            }
            result[i] = typed;
        }
        return result;
    }
}
