package fr.asso.europlie.plie.cohort;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One eligibility criterion of a target public (critère d'éligibilité), configured in data: each
 * has a text form, the one {@link EligibilityRules#parse} reads, such as {@code age >= 50} or
 * {@code income in RSA, ASS}.
 */
public sealed interface EligibilityCriterion {

    /**
     * Whether the facts meet the criterion.
     *
     * @param facts the person's situation and age, not null
     * @return true when met
     */
    boolean isMetBy(EligibilityFacts facts);

    /**
     * The field the criterion looks at, for the refusal message.
     *
     * @return a field name such as {@code age}
     */
    String field();

    /**
     * The value of that field in the facts, for the refusal message.
     *
     * @param facts the facts
     * @return the value shown
     */
    Object valueIn(EligibilityFacts facts);

    /**
     * The criterion in its text form.
     *
     * @return the rule text, such as {@code unemployment >= 12}
     */
    String text();

    /**
     * An age limit in whole years at the check: {@code age >= N} (a minimum) or {@code age <= N} (a maximum).
     *
     * @param years the limit
     * @param minimum true for a minimum age, false for a maximum
     */
    record AgeLimit(int years, boolean minimum) implements EligibilityCriterion {
        @Override
        public boolean isMetBy(EligibilityFacts facts) {
            return minimum ? facts.age() >= years : facts.age() <= years;
        }

        @Override
        public String field() {
            return "age";
        }

        @Override
        public Object valueIn(EligibilityFacts facts) {
            return facts.age();
        }

        @Override
        public String text() {
            return "age " + (minimum ? ">=" : "<=") + " " + years;
        }
    }

    /**
     * Unemployed for at least N whole months: {@code unemployment >= N} (0 means unemployed, any length).
     *
     * @param months the minimum length of unemployment
     */
    record MinimumUnemployment(int months) implements EligibilityCriterion {
        @Override
        public boolean isMetBy(EligibilityFacts facts) {
            return facts.unemploymentMonths() >= months;
        }

        @Override
        public String field() {
            return "unemployedSince";
        }

        @Override
        public Object valueIn(EligibilityFacts facts) {
            return facts.situation().unemployedSince();
        }

        @Override
        public String text() {
            return "unemployment >= " + months;
        }
    }

    /**
     * Receiving one of the listed minimum incomes: {@code income in RSA, ASS}.
     *
     * @param incomes the accepted incomes, at least one
     */
    record ReceivesMinimumIncome(Set<MinimumIncome> incomes) implements EligibilityCriterion {
        /**
         * Copies the set.
         *
         * @throws NullPointerException when null
         */
        public ReceivesMinimumIncome {
            incomes = Set.copyOf(incomes);
        }

        @Override
        public boolean isMetBy(EligibilityFacts facts) {
            return facts.situation().minimumIncomes().stream().anyMatch(incomes::contains)
                    || incomes.contains(MinimumIncome.RSA) && facts.situation().receivesRsa();
        }

        @Override
        public String field() {
            return "minimumIncomes";
        }

        @Override
        public Object valueIn(EligibilityFacts facts) {
            return new TreeSet<>(facts.situation().minimumIncomes());
        }

        @Override
        public String text() {
            return "income in " + new TreeSet<>(incomes).stream().map(Enum::name).collect(Collectors.joining(", "));
        }
    }

    /**
     * A yes-or-no fact of the situation: a recognised disability (RQTH, BOE), {@code disability}, or
     * living in a priority neighbourhood, {@code qpv}.
     *
     * @param fact the fact, not null
     */
    record Holds(Fact fact) implements EligibilityCriterion {
        @Override
        public boolean isMetBy(EligibilityFacts facts) {
            return fact == Fact.DISABILITY ? facts.situation().recognisedDisability() : facts.situation().qpvResident();
        }

        @Override
        public String field() {
            return fact == Fact.DISABILITY ? "recognisedDisability" : "qpvResident";
        }

        @Override
        public Object valueIn(EligibilityFacts facts) {
            return isMetBy(facts);
        }

        @Override
        public String text() {
            return fact == Fact.DISABILITY ? "disability" : "qpv";
        }
    }

    /** The yes-or-no facts a criterion may require. */
    enum Fact {
        /** A recognised disability (RQTH, BOE). */
        DISABILITY,
        /** Living in a priority neighbourhood (QPV). */
        QPV
    }

    /**
     * A low qualification: education level at most ISCED N, {@code isced <= N}. An unknown level does
     * not meet it.
     *
     * @param maximum the highest level accepted
     */
    record MaximumQualification(IscedLevel maximum) implements EligibilityCriterion {
        @Override
        public boolean isMetBy(EligibilityFacts facts) {
            return facts.situation().isced() != null && facts.situation().isced().level() <= maximum.level();
        }

        @Override
        public String field() {
            return "isced";
        }

        @Override
        public Object valueIn(EligibilityFacts facts) {
            return facts.situation().isced();
        }

        @Override
        public String text() {
            return "isced <= " + maximum.level();
        }
    }
}
