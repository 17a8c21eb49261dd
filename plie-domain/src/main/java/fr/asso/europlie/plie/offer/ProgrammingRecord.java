package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A programming as a store keeps it (programmation enregistrée): the programming itself (with its
 * call for proposals), the operators and the offer settings its rules were checked against when
 * the call opened, and the revision of the stored row. A programming read back with these enforces
 * exactly the rules the one written did.
 *
 * <p>The record holds the one rule of a decision that needs the settings: the FSE+ an approval
 * grants never exceeds the per-operation co-financing rate of the call's region category times the
 * amount approved ({@code PLIE-OFFER-040}), checked by {@link #decide} and {@link #amend} and again
 * on every approved operation when a record is built.
 *
 * @param programming the programming, not null
 * @param operators the operators the plan knew when the call opened, not null
 * @param settings the offer settings in force when the call opened, not null
 * @param revision the revision, 1 for a new programming, one more at each change
 */
public record ProgrammingRecord(Programming programming, Operators operators, OfferSettings settings, long revision) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-OFFER-001}) for a missing part,
     *     ({@code PLIE-OFFER-005}) for a revision below 1, ({@code PLIE-OFFER-040}) naming each
     *     approved operation whose FSE+ exceeds the co-financing rate times its approved amount
     */
    public ProgrammingRecord {
        if (programming == null || operators == null || settings == null) {
            throw new InvalidValueException(OfferError.BLANK, programming == null ? "programming" : operators == null ? "operators"
                    : "settings", null);
        }
        if (revision < 1) {
            throw new InvalidValueException(OfferError.NEGATIVE_COUNT, "revision", revision);
        }
        List<Violation> overRate = new ArrayList<>();
        List<Application> applications = programming.applications();
        BigDecimal rate = settings.operationCoFinancingRatePercent(programming.call().regionCategory());
        for (int i = 0; i < applications.size(); i++) {
            Application a = applications.get(i);
            final int index = i;
            if (a.isApproved()) {
                esfOverRate(a.decision(), rate).forEach(v -> overRate.add(v.under("programming.applications[" + index + "]")));
            }
        }
        if (!overRate.isEmpty()) {
            throw new InvalidValueException(overRate);
        }
    }

    /**
     * The per-operation co-financing rate the programming's decisions are held to: the settings'
     * rate for the call's region category.
     *
     * @return the rate in percent
     */
    public BigDecimal coFinancingRatePercent() {
        return settings.operationCoFinancingRatePercent(programming.call().regionCategory());
    }

    /**
     * Records the steering committee's decision on an operation ({@link Programming#decide}), its
     * FSE+ held within the co-financing rate times the approved amount.
     *
     * @param decision not null
     * @return the changed programming (the record itself is unchanged: {@link #next} makes the next one)
     * @throws RuleViolationException as {@link Programming#decide}, and ({@code PLIE-OFFER-040}) for
     *     more FSE+ than the rate allows on the approved amount
     */
    public Programming decide(SteeringDecision decision) {
        return withinRate(() -> programming.decide(decision), decision);
    }

    /**
     * Amends the adopted programming ({@link Programming#amend}), the new decision's FSE+ held within
     * the co-financing rate times the approved amount.
     *
     * @param decision the new decision, not null
     * @param reason why, not blank
     * @return the amended programming
     * @throws RuleViolationException as {@link Programming#amend}, and ({@code PLIE-OFFER-040}) for
     *     more FSE+ than the rate allows on the approved amount
     */
    public Programming amend(SteeringDecision decision, String reason) {
        return withinRate(() -> programming.amend(decision, reason), decision);
    }

    /** The change, refused with every reason at once: the programming's and the rate's. */
    private Programming withinRate(java.util.function.Supplier<Programming> change, SteeringDecision decision) {
        List<Violation> overRate = esfOverRate(decision, coFinancingRatePercent());
        Programming changed;
        try {
            changed = change.get();
        } catch (RuleViolationException refused) {
            if (overRate.isEmpty()) {
                throw refused;
            }
            List<Violation> all = new ArrayList<>(refused.violations());
            all.addAll(overRate);
            throw new RuleViolationException(all);
        }
        if (!overRate.isEmpty()) {
            throw new RuleViolationException(overRate);
        }
        return changed;
    }

    /** An approval of more FSE+ than rate x approved amount ({@code PLIE-OFFER-040}), under {@code decision}. */
    private static List<Violation> esfOverRate(SteeringDecision decision, BigDecimal rate) {
        if (!decision.isApproved()) {
            return List.of();
        }
        Money cap = FinancingPlan.esfCap(decision.approvedAmount(), rate);
        return decision.approvedEsf().isGreaterThan(cap) ? List.of(Violation.of(OfferError.ESF_OVER_RATE, "decision.approvedEsf",
                decision.approvedEsf(), cap, decision.approvedAmount(), rate.stripTrailingZeros().toPlainString())) : List.of();
    }

    /**
     * The FSE+ approved with an amount when the decision does not state it
     * ({@link Application#defaultApprovedEsf}): the FSE+ asked, capped at this record's
     * co-financing rate times the amount.
     *
     * @param operation an operation of the programming, not null
     * @param approvedAmount the amount approved, not null
     * @return the FSE+ approved by default; zero for an operation the programming does not hold
     */
    public Money defaultApprovedEsf(OperationId operation, Money approvedAmount) {
        return programming.application(operation).map(a -> a.defaultApprovedEsf(approvedAmount, coFinancingRatePercent()))
                .orElse(Money.ZERO);
    }

    /**
     * A new programming, at revision 1.
     *
     * @param programming the programming
     * @param operators the operators
     * @param settings the settings
     * @return the record
     */
    public static ProgrammingRecord of(Programming programming, Operators operators, OfferSettings settings) {
        return new ProgrammingRecord(programming, operators, settings, 1);
    }

    /**
     * The programming's id: its call's.
     *
     * @return the call id
     */
    public CallId id() {
        return programming.call().id();
    }

    /**
     * The record after a change of the programming: the next revision.
     *
     * @param changed the changed programming, of the same call
     * @return the record
     */
    public ProgrammingRecord next(Programming changed) {
        return new ProgrammingRecord(changed, operators, settings, revision + 1);
    }

    /**
     * The context in which an operation of this programming is judged admissible on a day.
     *
     * @param day the day of submission
     * @return the context
     */
    public AdmissibilityContext context(java.time.LocalDate day) {
        return new AdmissibilityContext(programming.call(), operators, settings, day);
    }
}
