package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The eligibility rules of the protocol's target publics (règles d'éligibilité), configured in
 * data: for each target public, the criteria a person must all meet to belong to it. A person is
 * eligible when it belongs to at least one target public; a refusal names every failed criterion
 * of every target public.
 *
 * <p>The text form, one target public a line, criteria separated by {@code ;}, {@code #} for
 * comments:
 * <pre>
 * DELD: unemployment &gt;= 12
 * BRSA: income in RSA
 * JEUNES: age &gt;= 16; age &lt;= 25; isced &lt;= 2
 * RQTH: disability
 * QPV: qpv
 * </pre>
 *
 * @param rules the target publics in order, each with its criteria
 */
public record EligibilityRules(Map<TargetPublic, List<EligibilityCriterion>> rules) {

    /** The text syntax, shown in messages about an unreadable rule. */
    public static final String SYNTAX = "CODE: age >= N; age <= N; unemployment >= MONTHS; income in RSA, ASS, AAH, OTHER; disability; qpv; isced <= N";

    private static final String DEFAULTS_RESOURCE = "/fr/asso/europlie/plie/cohort/eligibility-defaults.txt";
    private static final Pattern LINE = Pattern.compile("^\\s*([A-Za-z0-9_-]+)\\s*:(.*)$");
    private static final Pattern COMPARISON = Pattern.compile("^(age|unemployment|isced)\\s*(>=|<=)\\s*(\\d{1,3})$");
    /** {@code income in RSA, ASS}; {@code income in} alone is the empty set that {@link #toText()} writes. */
    private static final Pattern INCOME = Pattern.compile("^income\\s+in(?:\\s+(.*))?$");

    /**
     * Copies the rules, keeping their order.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when there is no target public
     */
    public EligibilityRules {
        Checks checks = new Checks();
        checks.check(rules != null && !rules.isEmpty(), CohortError.BLANK, "eligibility.targetPublics", rules);
        checks.throwIfInvalid();
        Map<TargetPublic, List<EligibilityCriterion>> copy = new LinkedHashMap<>();
        rules.forEach((key, criteria) -> copy.put(key, List.copyOf(criteria)));
        rules = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * The protocol's target publics, in order.
     *
     * @return the target publics
     */
    public List<TargetPublic> targetPublics() {
        return List.copyOf(rules.keySet());
    }

    /**
     * The target public with this code.
     *
     * @param code a code such as {@code DELD}
     * @return the target public, empty when the protocol does not define it
     */
    public Optional<TargetPublic> targetPublic(String code) {
        return rules.keySet().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /**
     * Checks a person against every target public.
     *
     * @param facts the person's situation and age on the day, not null
     * @return the target publics the person belongs to, and every failed criterion of the others
     */
    public EligibilityResult evaluate(EligibilityFacts facts) {
        Set<TargetPublic> eligible = new LinkedHashSet<>();
        List<Violation> failures = new ArrayList<>();
        rules.forEach((targetPublic, criteria) -> {
            List<Violation> failed = new ArrayList<>();
            for (EligibilityCriterion criterion : criteria) {
                if (!criterion.isMetBy(facts)) {
                    failed.add(Violation.of(CohortError.NOT_ELIGIBLE, "eligibility." + targetPublic.code() + "." + criterion.field(),
                            criterion.valueIn(facts), targetPublic.code(), criterion.text()));
                }
            }
            if (failed.isEmpty()) {
                eligible.add(targetPublic);
            } else {
                failures.addAll(failed);
            }
        });
        return new EligibilityResult(Set.copyOf(eligible), List.copyOf(failures));
    }

    /**
     * The outcome of an eligibility check.
     *
     * @param eligible the target publics the person belongs to
     * @param failures the failed criteria of the other target publics
     */
    public record EligibilityResult(Set<TargetPublic> eligible, List<Violation> failures) {

        /**
         * Whether the person belongs to at least one target public.
         *
         * @return true when eligible
         */
        public boolean isEligible() {
            return !eligible.isEmpty();
        }
    }

    /**
     * Reads rules from their text form, for the given target publics of the protocol. Every line
     * must name one of them, and each of them needs a line.
     *
     * @param text the rules, one target public a line
     * @param targetPublics the protocol's target publics, not empty
     * @return the rules, in the order of the target publics
     * @throws InvalidValueException with every unreadable line ({@code PLIE-COHORT-027}), unknown target
     *         public ({@code PLIE-COHORT-005}) and target public without a rule ({@code PLIE-COHORT-022})
     */
    public static EligibilityRules parse(String text, List<TargetPublic> targetPublics) {
        Checks checks = new Checks();
        Map<String, List<EligibilityCriterion>> byCode = read(text, checks);
        String known = targetPublics.stream().map(TargetPublic::code).toList().toString();
        byCode.keySet().stream().filter(code -> targetPublics.stream().noneMatch(t -> t.code().equals(code)))
                .forEach(code -> checks.add(CohortError.UNKNOWN_TARGET_PUBLIC, "eligibility." + code, code, known));
        Map<TargetPublic, List<EligibilityCriterion>> rules = new LinkedHashMap<>();
        for (TargetPublic targetPublic : targetPublics) {
            List<EligibilityCriterion> criteria = byCode.get(targetPublic.code());
            if (checks.check(criteria != null, CohortError.REQUIRED_FOR, "eligibility." + targetPublic.code(), null, targetPublic.code())) {
                rules.put(targetPublic, criteria);
            }
        }
        checks.throwIfInvalid();
        return new EligibilityRules(rules);
    }

    /**
     * The default rules of the common target publics (DELD, BRSA, MINIMA, JEUNES, SENIORS, RQTH, QPV),
     * read from the library's resource {@code eligibility-defaults.txt}, for those of the given target
     * publics.
     *
     * @param targetPublics the protocol's target publics, each with a default rule
     * @return the rules
     * @throws InvalidValueException when a target public has no default rule
     */
    public static EligibilityRules defaults(List<TargetPublic> targetPublics) {
        String text = defaultText();
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\\R")) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches() && targetPublics.stream().anyMatch(t -> t.code().equals(matcher.group(1)))) {
                kept.append(line).append('\n');
            }
        }
        return parse(kept.toString(), targetPublics);
    }

    /**
     * The text of the default rules shipped with the library.
     *
     * @return the text
     */
    public static String defaultText() {
        try (InputStream in = EligibilityRules.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULTS_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rules in their text form, which {@link #parse} reads back.
     *
     * @return one line per target public
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        rules.forEach((targetPublic, criteria) -> out.append(targetPublic.code()).append(": ")
                .append(String.join("; ", criteria.stream().map(EligibilityCriterion::text).toList())).append('\n'));
        return out.toString();
    }

    private static Map<String, List<EligibilityCriterion>> read(String text, Checks checks) {
        Map<String, List<EligibilityCriterion>> byCode = new LinkedHashMap<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceAll("#.*$", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String field = "eligibility.rules[" + (i + 1) + "]";
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                checks.add(CohortError.ELIGIBILITY_RULE_SYNTAX, field, line, SYNTAX);
                continue;
            }
            String code = matcher.group(1);
            if (!checks.check(!byCode.containsKey(code), CohortError.DUPLICATE, field, code)) {
                continue;
            }
            List<EligibilityCriterion> criteria = new ArrayList<>();
            for (String part : matcher.group(2).split(";")) {
                String criterion = part.strip();
                if (!criterion.isEmpty()) {
                    criterion(criterion).ifPresentOrElse(criteria::add,
                            () -> checks.add(CohortError.ELIGIBILITY_RULE_SYNTAX, field, criterion, SYNTAX));
                }
            }
            byCode.put(code, criteria);
        }
        return byCode;
    }

    private static Optional<EligibilityCriterion> criterion(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("disability")) {
            return Optional.of(new EligibilityCriterion.Holds(EligibilityCriterion.Fact.DISABILITY));
        }
        if (lower.equals("qpv")) {
            return Optional.of(new EligibilityCriterion.Holds(EligibilityCriterion.Fact.QPV));
        }
        Matcher comparison = COMPARISON.matcher(lower);
        if (comparison.matches()) {
            int n = Integer.parseInt(comparison.group(3));
            boolean atLeast = comparison.group(2).equals(">=");
            switch (comparison.group(1)) {
                case "age":
                    return Optional.of(new EligibilityCriterion.AgeLimit(n, atLeast));
                case "unemployment":
                    return atLeast ? Optional.of(new EligibilityCriterion.MinimumUnemployment(n)) : Optional.empty();
                default:
                    return !atLeast && n <= 8 ? Optional.of(new EligibilityCriterion.MaximumQualification(IscedLevel.of(n))) : Optional.empty();
            }
        }
        Matcher income = INCOME.matcher(text.strip());
        if (income.matches()) {
            Set<MinimumIncome> incomes = EnumSet.noneOf(MinimumIncome.class);
            String names = income.group(1) == null ? "" : income.group(1).strip();
            for (String name : names.isEmpty() ? new String[0] : names.split(",")) {
                try {
                    incomes.add(MinimumIncome.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
            return Optional.of(new EligibilityCriterion.ReceivesMinimumIncome(incomes));
        }
        return Optional.empty();
    }
}
