package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.error.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The checks of an imported accompaniment period that need the cohort's settings (contrôles
 * d'import): six-month data collected too early (RULES.md section 5, {@code PLIE-COHORT-032}) and a
 * positive exit whose steps are given but do not meet the positive-exit rules (RULES.md section 4,
 * {@code PLIE-COHORT-033}). The CSV and JSON readers run them on every period they read, so that the
 * problem is reported at the file's row or the document's path; {@link Cohort#load} runs the same
 * checks on data built otherwise.
 */
public final class ImportChecks {

    private final CohortSettings settings;
    private final PositiveExitPolicy exitPolicy;

    /**
     * Checks with the given settings.
     *
     * @param settings the cohort's settings (six-month delay, positive-exit rules), not null
     */
    public ImportChecks(CohortSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.exitPolicy = new PositiveExitPolicy(settings.exitRules());
    }

    /**
     * The outcome of checking one period.
     *
     * @param period the period to import: the one given, or a copy whose exit is
     *        {@link ExitReason#UNCONFIRMED_POSITIVE} when it was demoted (and whose in-work
     *        follow-up completed by that exit is then interrupted on the same day)
     * @param problems what refuses the period, each with a field relative to the period
     *        ({@code sixMonthData.collectedOn}, {@code exit.reason})
     * @param demoted the exit imported as not positive (lenient mode), with a field relative to the period
     */
    public record Outcome(AccompanimentPeriod period, List<Violation> problems, List<Violation> demoted) {

        /**
         * Copies the lists.
         *
         * @throws NullPointerException when a component is null
         */
        public Outcome {
            Objects.requireNonNull(period, "period");
            problems = List.copyOf(problems);
            demoted = List.copyOf(demoted);
        }
    }

    /**
     * Checks one imported period.
     *
     * @param period the period, not null
     * @param exits what to do with a positive exit whose steps do not meet the rules
     * @return the period to import, the problems refusing it, the exit demoted
     */
    public Outcome check(AccompanimentPeriod period, ImportedExits exits) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(exits, "exits");
        List<Violation> problems = new ArrayList<>();
        List<Violation> demoted = new ArrayList<>();
        AccompanimentPeriod result = period;
        if (period.exit() != null && period.sixMonthData() != null) {
            Violation early = sixMonthDataTooEarly(period.exit().exitedOn(), period.sixMonthData(), "sixMonthData.collectedOn");
            if (early != null) {
                problems.add(early);
            }
        }
        Violation unmet = unmetPositiveExit(period, "exit.reason");
        if (unmet != null && exits == ImportedExits.STRICT) {
            problems.add(unmet);
        } else if (unmet != null) {
            demoted.add(unmet);
            AccompanimentPeriod.Draft draft = period.draft();
            draft.exit = new Exit(draft.exit.exitedOn(), ExitReason.UNCONFIRMED_POSITIVE, draft.exit.data());
            int last = draft.followUps.size() - 1;
            if (last >= 0 && draft.followUps.get(last).completed()) {
                // a follow-up completes only with a positive exit: the demoted one ended without
                InWorkFollowUp followUp = draft.followUps.get(last);
                draft.followUps.set(last, new InWorkFollowUp(followUp.startedOn(), followUp.endedOn(), false));
            }
            result = draft.build();
        }
        return new Outcome(result, problems, demoted);
    }

    /**
     * Six-month data collected before {@link CohortSettings#sixMonthDataFrom} the exit.
     *
     * @return the violation at the field, or null when collected in time
     */
    Violation sixMonthDataTooEarly(LocalDate exitedOn, EsfSixMonthData data, String field) {
        LocalDate from = settings.sixMonthDataFrom(exitedOn);
        return data.collectedOn().isBefore(from)
                ? Violation.of(CohortError.SIX_MONTH_DATA_TOO_EARLY, field, data.collectedOn(), exitedOn, from) : null;
    }

    /**
     * The rule an imported positive exit does not meet, when its steps are given: the employment
     * rule (continuous qualifying work for the months needed, by the exit day) for employment and
     * business creation, the training rules for the training exits.
     *
     * @return the violation at the field, or null when the exit is not positive, has no steps, or meets its rule
     */
    Violation unmetPositiveExit(AccompanimentPeriod period, String field) {
        Exit exit = period.exit();
        if (exit == null || !exit.reason().isPositive() || period.steps().isEmpty()
                || exitPolicy.outcome(exit.reason(), period.steps(), exit.exitedOn()).isPresent()) {
            return null;
        }
        ExitRules rules = settings.exitRules();
        String rule = switch (exit.reason()) {
            case EMPLOYMENT, BUSINESS_CREATION -> "exitRules.employmentMonths=" + rules.employmentMonths()
                    + ", exitRules.minimumWorkingTime=" + rules.minimumWorkingTime().toPlainString()
                    + " (" + exitPolicy.longestContinuousWorkDays(period.steps(), exit.exitedOn()) + " d)";
            case QUALIFYING_TRAINING -> "qualificationValidatedOn <= " + exit.exitedOn();
            case LONG_TRAINING -> "exitRules.longTrainingMonths=" + rules.longTrainingMonths()
                    + ", exitRules.longTrainingCountsAfterMonths=" + rules.longTrainingCountsAfterMonths();
            default -> exit.reason().name();
        };
        return Violation.of(CohortError.IMPORTED_EXIT_NOT_POSITIVE, field, exit.reason(), rule);
    }
}
