package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The admissibility rules of PROCESSES.md B step 3 and RULES.md sections 3 and 4 (complete, signed in
 * time, within an open axis and the call's period, not completed before submission, within the
 * FSE+ eligibility period, operator known, financing plan balanced, FSE+ share within the OI's
 * per-operation ceiling, flat rates allowed), each a named policy with a stable
 * error code, gathered in one explicit list. {@link Admissibility} applies them all.
 */
public enum AdmissibilityPolicies implements AdmissibilityPolicy {

    /** Title, description, participants, costs and resources are given ({@code PLIE-OFFER-010}). */
    COMPLETE {
        @Override
        public List<Violation> check(Operation operation, AdmissibilityContext context) {
            List<Violation> violations = new ArrayList<>();
            if (operation.title().isBlank()) {
                violations.add(Violation.of(OfferError.INCOMPLETE, "title", "\"" + operation.title() + "\""));
            }
            if (operation.description().isBlank()) {
                violations.add(Violation.of(OfferError.INCOMPLETE, "description", "\"" + operation.description() + "\""));
            }
            if (operation.forecast().participants() == 0) {
                violations.add(Violation.of(OfferError.INCOMPLETE, "forecast.participants", 0));
            }
            if (operation.costs().total().isZero()) {
                violations.add(Violation.of(OfferError.INCOMPLETE, "costs", operation.costs().total()));
            }
            if (operation.financingPlan().resources().isEmpty()) {
                violations.add(Violation.of(OfferError.INCOMPLETE, "financingPlan.resources", "[]"));
            }
            return violations;
        }
    },

    /** The application answers the programming's call ({@code PLIE-OFFER-018}). */
    SAME_CALL {
        @Override
        public List<Violation> check(Operation operation, AdmissibilityContext context) {
            return operation.call().equals(context.call().id()) ? List.of()
                    : List.of(Violation.of(OfferError.OTHER_CALL, "call", operation.call(), context.call().id()));
        }
    },

    /** Submitted no later than the closing date ({@code PLIE-OFFER-017}). */
    SUBMITTED_IN_TIME {
        @Override
        public List<Violation> check(Operation operation, AdmissibilityContext context) {
            return context.submittedOn().isAfter(context.call().closingDate())
                    ? List.of(Violation.of(OfferError.SUBMITTED_AFTER_CLOSING, "submittedOn", context.submittedOn(),
                            context.call().closingDate()))
                    : List.of();
        }
    },

    /** On an axis the call opens ({@code PLIE-OFFER-011}). */
    AXIS_OPEN {
        @Override
        public List<Violation> check(Operation operation, AdmissibilityContext context) {
            return context.call().opens(operation.axis()) ? List.of()
                    : List.of(Violation.of(OfferError.AXIS_NOT_OPEN, "axis", operation.axis(), context.call().envelopes().keySet()));
        }
    },

    /** The operation's period lies within the call's eligibility period ({@code PLIE-OFFER-012}). */
    PERIOD_WITHIN_CALL {
        @Override
        public List<Violation> check(Operation operation, AdmissibilityContext context) {
            return operation.period().isWithin(context.call().eligibility()) ? List.of()
                    : List.of(Violation.of(OfferError.PERIOD_OUTSIDE_CALL, "period", operation.period(), context.call().eligibility()));
        }
    },

    /**
     * An operation physically completed before its application was submitted cannot be selected
     * (Regulation (EU) 2021/1060 art. 63(6), {@code PLIE-OFFER-034}).
     */
    NOT_COMPLETED_BEFORE_SUBMISSION {
        @Override
        public List<Violation> check(Operation operation, AdmissibilityContext context) {
            return operation.period().end().isBefore(context.submittedOn())
                    ? List.of(Violation.of(OfferError.COMPLETED_BEFORE_SUBMISSION, "period.end", operation.period().end(),
                            context.submittedOn()))
                    : List.of();
        }
    },

    /**
     * An operation that asks for FSE+ lies within the FSE+ eligibility period, 1 January 2021 to
     * 31 December 2029 by default (art. 63(2), settings), since its costs outside it are not
     * eligible ({@code PLIE-OFFER-033}).
     */
    WITHIN_ESF_ELIGIBILITY {
        @Override
        public List<Violation> check(Operation operation, AdmissibilityContext context) {
            OfferSettings settings = context.settings();
            boolean asksEsf = operation.financingPlan().esfShare().isPositive();
            boolean within = !operation.period().start().isBefore(settings.eligibleFrom())
                    && !operation.period().end().isAfter(settings.eligibleUntil());
            return !asksEsf || within ? List.of()
                    : List.of(Violation.of(OfferError.OUTSIDE_ELIGIBILITY, "period", operation.period(), settings.eligibleFrom(),
                            settings.eligibleUntil()));
        }
    },

    /** The operator is known to the plan ({@code PLIE-OFFER-013}). */
    OPERATOR_KNOWN {
        @Override
        public List<Violation> check(Operation operation, AdmissibilityContext context) {
            return context.operators().knows(operation.operator()) ? List.of()
                    : List.of(Violation.of(OfferError.UNKNOWN_OPERATOR, "operator", operation.operator()));
        }
    },

    /** The simplified cost option uses a rate the settings allow ({@code PLIE-OFFER-016}). */
    FLAT_RATE_ALLOWED {
        @Override
        public List<Violation> check(Operation operation, AdmissibilityContext context) {
            SimplifiedCostOption option = operation.costs().option();
            if (context.settings().allows(option)) {
                return List.of();
            }
            BigDecimal highest = context.settings().flatRatesPercent().get(option.kind());
            Object allowed = highest == null ? "[]" : "<= " + highest.toPlainString();
            return List.of(Violation.of(OfferError.FLAT_RATE_NOT_ALLOWED, "costs.option.ratePercent",
                    option.ratePercent().toPlainString(), option.kind(), allowed));
        }
    },

    /** The resources equal the costs ({@code PLIE-OFFER-014}). */
    FINANCING_PLAN_BALANCED {
        @Override
        public List<Violation> check(Operation operation, AdmissibilityContext context) {
            Money resources = operation.financingPlan().total();
            Money costs = operation.costs().total();
            return resources.compareTo(costs) == 0 ? List.of()
                    : List.of(Violation.of(OfferError.FINANCING_PLAN_UNBALANCED, "financingPlan", resources, costs,
                            resources.minus(costs)));
        }
    },

    /**
     * The FSE+ share is at most the OI's per-operation ceiling for the call's region category
     * applied to the total cost ({@code PLIE-OFFER-015}); the message shows the rate, the share and
     * the cap. The art. 112 rate itself holds per priority of the global grant, checked when
     * committing.
     */
    ESF_SHARE_WITHIN_RATE {
        @Override
        public List<Violation> check(Operation operation, AdmissibilityContext context) {
            RegionCategory category = context.call().regionCategory();
            BigDecimal rate = context.settings().operationCoFinancingRatePercent(category);
            Money total = operation.costs().total();
            Money share = operation.financingPlan().esfShare();
            Money cap = FinancingPlan.esfCap(total, rate);
            if (!share.isGreaterThan(cap)) {
                return List.of();
            }
            String sharePercent = total.isZero() ? "-"
                    : share.amount().multiply(BigDecimal.valueOf(100)).divide(total.amount(), 2, RoundingMode.HALF_UP).toPlainString();
            return List.of(Violation.of(OfferError.ESF_SHARE_OVER_RATE, "financingPlan.esfShare", share,
                    sharePercent, cap, rate.toPlainString(), category));
        }
    };

    /**
     * Every policy, in the order their reasons are reported.
     *
     * @return the policies
     */
    public static List<AdmissibilityPolicy> all() {
        return List.of(values());
    }
}
