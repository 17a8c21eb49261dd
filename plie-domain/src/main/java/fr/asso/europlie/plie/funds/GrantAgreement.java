package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.OperationPeriod;
import fr.asso.europlie.plie.offer.RegionCategory;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The grant agreement of an operation (convention attributive de subvention): the legal
 * commitment of FSE+ funds signed between the intermediate body and the operator, with its
 * amendments while the operation runs. Every version is kept; the last one is in force.
 *
 * <p>The agreement states the operation's simplified cost options (options de coûts simplifiés,
 * Regulation (EU) 2021/1060 art. 53: flat rates, unit costs, lump sums) as the OI's appraisal
 * described them, in free text of at most {@value #MAX_SIMPLIFIED_COST_OPTIONS} characters; empty
 * when none were stated (an agreement stored before they were kept on it reads so). They hold for
 * every version: an amendment keeps them.
 *
 * <p>Immutable: {@link #amend} returns a new agreement.
 *
 * @param id the agreement, not null
 * @param operation the operation, not null
 * @param operator the operator (beneficiary), not null
 * @param intermediateBody the OI, not null
 * @param versions the versions, numbered 1, 2... in order, at least one, copied
 * @param simplifiedCostOptions the simplified cost options, not null, empty when none were
 *     stated, at most {@value #MAX_SIMPLIFIED_COST_OPTIONS} characters
 */
public record GrantAgreement(GrantAgreementId id, OperationId operation, OrganisationId operator, OrganisationId intermediateBody,
        List<AgreementVersion> versions, String simplifiedCostOptions) {

    /**
     * The longest description of the simplified cost options an agreement keeps, in characters
     * (UTF-16 units, as {@link String#length()} counts them): the limit of the appraisal that
     * states them.
     */
    public static final int MAX_SIMPLIFIED_COST_OPTIONS = 400;

    /**
     * Checks the agreement.
     *
     * @throws InvalidValueException naming every missing part or misnumbered version, and
     *     ({@code PLIE-FUNDS-021}) every amendment signed outside the period of the version before
     *     it, ({@code PLIE-FUNDS-039}) simplified cost options over
     *     {@value #MAX_SIMPLIFIED_COST_OPTIONS} characters
     */
    public GrantAgreement {
        Require require = new Require().present("id", id).present("operation", operation).present("operator", operator)
                .present("intermediateBody", intermediateBody).present("versions", versions);
        if (simplifiedCostOptions == null) {
            // empty when none were stated, never null
            require.add(Violation.of(FundsError.BLANK, "simplifiedCostOptions", null));
        } else if (simplifiedCostOptions.length() > MAX_SIMPLIFIED_COST_OPTIONS) {
            require.add(Violation.of(FundsError.TEXT_TOO_LONG, "simplifiedCostOptions", simplifiedCostOptions,
                    simplifiedCostOptions.length(), MAX_SIMPLIFIED_COST_OPTIONS));
        }
        if (versions != null) {
            if (versions.isEmpty()) {
                require.add(Violation.of(FundsError.BLANK, "versions", "[]"));
            }
            for (int i = 0; i < versions.size(); i++) {
                if (versions.get(i).number() != i + 1) {
                    require.add(Violation.of(FundsError.BAD_COUNT, "versions[" + i + "].number", versions.get(i).number(), i + 1));
                }
                if (i > 0 && !versions.get(i - 1).period().contains(versions.get(i).signedOn())) {
                    require.add(Violation.of(FundsError.AMENDMENT_OUTSIDE_PERIOD, "versions[" + i + "].signedOn", versions.get(i).signedOn(),
                            versions.get(i - 1).period()));
                }
            }
        }
        require.orThrow();
        versions = List.copyOf(versions);
    }

    /**
     * An agreement that states no simplified cost options.
     *
     * @param id the agreement, not null
     * @param operation the operation, not null
     * @param operator the operator, not null
     * @param intermediateBody the OI, not null
     * @param versions the versions, numbered 1, 2... in order, at least one, copied
     * @throws InvalidValueException as the canonical constructor
     */
    public GrantAgreement(GrantAgreementId id, OperationId operation, OrganisationId operator, OrganisationId intermediateBody,
            List<AgreementVersion> versions) {
        this(id, operation, operator, intermediateBody, versions, "");
    }

    /**
     * Signs an agreement.
     *
     * @param id the agreement
     * @param operation the operation
     * @param operator the operator
     * @param intermediateBody the OI
     * @param esfAmount the FSE+ amount
     * @param eligibleCost the eligible cost
     * @param period the operation's period
     * @param signedOn the day of signature
     * @return the agreement, version 1
     * @throws InvalidValueException naming every bad value
     */
    public static GrantAgreement sign(GrantAgreementId id, OperationId operation, OrganisationId operator, OrganisationId intermediateBody,
            Money esfAmount, Money eligibleCost, OperationPeriod period, LocalDate signedOn) {
        return sign(id, operation, operator, intermediateBody, esfAmount, eligibleCost, period, signedOn, "");
    }

    /**
     * Signs an agreement that states the operation's simplified cost options.
     *
     * @param id the agreement
     * @param operation the operation
     * @param operator the operator
     * @param intermediateBody the OI
     * @param esfAmount the FSE+ amount
     * @param eligibleCost the eligible cost
     * @param period the operation's period
     * @param signedOn the day of signature
     * @param simplifiedCostOptions the simplified cost options, empty when none, at most
     *     {@value #MAX_SIMPLIFIED_COST_OPTIONS} characters
     * @return the agreement, version 1
     * @throws InvalidValueException naming every bad value
     */
    public static GrantAgreement sign(GrantAgreementId id, OperationId operation, OrganisationId operator, OrganisationId intermediateBody,
            Money esfAmount, Money eligibleCost, OperationPeriod period, LocalDate signedOn, String simplifiedCostOptions) {
        return new GrantAgreement(id, operation, operator, intermediateBody,
                List.of(new AgreementVersion(1, esfAmount, eligibleCost, period, signedOn, "")), simplifiedCostOptions);
    }

    /**
     * Signs an agreement checked against the ledger (the money rules of RULES.md section 4): its
     * FSE+ amount never exceeds the co-financing rate of its eligible cost (the rate of the
     * priority's region category, Regulation (EU) 2021/1060 art. 112(3), the cap rounded down to
     * the cent), nor what the ledger committed on the operation (net of decommitments).
     *
     * @param id the agreement
     * @param operation the operation
     * @param operator the operator
     * @param intermediateBody the OI
     * @param esfAmount the FSE+ amount
     * @param eligibleCost the eligible cost
     * @param period the operation's period
     * @param signedOn the day of signature
     * @param category the region category of the operation's priority, not null
     * @param account the operation's account in the ledger, committed, not null
     * @return the agreement, version 1
     * @throws InvalidValueException naming every bad value
     * @throws RuleViolationException with every money rule broken: {@code PLIE-FUNDS-033} over the
     *     rate, {@code PLIE-FUNDS-034} over the commitment, {@code PLIE-FUNDS-035} for an account of
     *     another operation or not committed
     */
    public static GrantAgreement sign(GrantAgreementId id, OperationId operation, OrganisationId operator, OrganisationId intermediateBody,
            Money esfAmount, Money eligibleCost, OperationPeriod period, LocalDate signedOn, RegionCategory category,
            OperationAccount account) {
        return sign(id, operation, operator, intermediateBody, esfAmount, eligibleCost, period, signedOn, "", category, account);
    }

    /**
     * Signs an agreement checked against the ledger, as {@link #sign(GrantAgreementId, OperationId,
     * OrganisationId, OrganisationId, Money, Money, OperationPeriod, LocalDate, RegionCategory,
     * OperationAccount)} does, that states the operation's simplified cost options.
     *
     * @param id the agreement
     * @param operation the operation
     * @param operator the operator
     * @param intermediateBody the OI
     * @param esfAmount the FSE+ amount
     * @param eligibleCost the eligible cost
     * @param period the operation's period
     * @param signedOn the day of signature
     * @param simplifiedCostOptions the simplified cost options, empty when none, at most
     *     {@value #MAX_SIMPLIFIED_COST_OPTIONS} characters
     * @param category the region category of the operation's priority, not null
     * @param account the operation's account in the ledger, committed, not null
     * @return the agreement, version 1
     * @throws InvalidValueException naming every bad value
     * @throws RuleViolationException with every money rule broken ({@code PLIE-FUNDS-033},
     *     {@code -034}, {@code -035})
     */
    public static GrantAgreement sign(GrantAgreementId id, OperationId operation, OrganisationId operator, OrganisationId intermediateBody,
            Money esfAmount, Money eligibleCost, OperationPeriod period, LocalDate signedOn, String simplifiedCostOptions,
            RegionCategory category, OperationAccount account) {
        GrantAgreement agreement = sign(id, operation, operator, intermediateBody, esfAmount, eligibleCost, period, signedOn,
                simplifiedCostOptions);
        List<Violation> violations = withinLedger(operation, esfAmount, eligibleCost, category, account);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return agreement;
    }

    /**
     * Amends the agreement checked against the ledger, as {@link #sign(GrantAgreementId, OperationId,
     * OrganisationId, OrganisationId, Money, Money, OperationPeriod, LocalDate, RegionCategory, OperationAccount)}
     * does: an amendment that raises the FSE+ amount above what the ledger committed is refused
     * ({@code PLIE-FUNDS-034}): the raise goes back through reservation, its difference reserved in
     * the envelope and committed before the amendment is signed.
     *
     * @param esfAmount the new FSE+ amount, at least what was already paid
     * @param eligibleCost the new eligible cost
     * @param period the new period
     * @param signedOn the day the amendment is signed, within the period in force
     * @param reason why, not blank
     * @param category the region category of the operation's priority, not null
     * @param account the operation's account in the ledger (what it paid is the floor), not null
     * @return the amended agreement
     * @throws InvalidValueException for a bad value of the new version
     * @throws RuleViolationException with every rule broken ({@code PLIE-FUNDS-021}, {@code -022},
     *     {@code -033}, {@code -034}, {@code -035})
     */
    public GrantAgreement amend(Money esfAmount, Money eligibleCost, OperationPeriod period, LocalDate signedOn, String reason,
            RegionCategory category, OperationAccount account) {
        List<Violation> violations = new ArrayList<>(withinLedger(operation, esfAmount, eligibleCost, category, account));
        GrantAgreement amended;
        try {
            amended = amend(esfAmount, eligibleCost, period, signedOn, reason, account == null ? Money.ZERO : account.paid());
        } catch (RuleViolationException e) {
            violations.addAll(0, e.violations());
            throw new RuleViolationException(violations);
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return amended;
    }

    /**
     * The co-financing rate rule, shared by the agreement and the appraisals before it: an FSE+
     * amount never exceeds the rate of the region category (Regulation (EU) 2021/1060 art. 112(3))
     * of its eligible cost, the cap rounded down to the cent.
     *
     * @param field the field the violation names ({@code esfAmount}, {@code appraisal.fseAmount}...), not null
     * @param esfAmount the FSE+ amount, not null
     * @param eligibleCost the eligible cost, not null
     * @param category the region category of the operation's priority, not null
     * @return the violation ({@code PLIE-FUNDS-033}, naming the field, the amount, the rate, the
     *     cost, the category and the cap) when over the rate, else empty
     */
    public static java.util.Optional<Violation> overRate(String field, Money esfAmount, Money eligibleCost, RegionCategory category) {
        java.util.Objects.requireNonNull(field, "field");
        java.util.Objects.requireNonNull(esfAmount, "esfAmount");
        java.util.Objects.requireNonNull(eligibleCost, "eligibleCost");
        java.util.Objects.requireNonNull(category, "category");
        BigDecimal rate = category.maximumRatePercent();
        Money cap = Money.rounded(eligibleCost.amount().multiply(rate).divide(BigDecimal.valueOf(100)), RoundingMode.DOWN);
        if (esfAmount.isGreaterThan(cap)) {
            return java.util.Optional.of(Violation.of(FundsError.AGREEMENT_OVER_RATE, field, esfAmount, rate.toPlainString(), eligibleCost,
                    category, cap));
        }
        return java.util.Optional.empty();
    }

    /** The money rules of an agreement's FSE+ amount against the rate and the ledger. */
    private static List<Violation> withinLedger(OperationId operation, Money esfAmount, Money eligibleCost, RegionCategory category,
            OperationAccount account) {
        Require require = new Require().present("category", category).present("account", account);
        require.orThrow();
        List<Violation> violations = new ArrayList<>();
        if (!account.operation().equals(operation) || !account.isCommitted()) {
            violations.add(Violation.of(FundsError.AGREEMENT_WITHOUT_COMMITMENT, "account", operation, account.operation()));
            return violations;
        }
        overRate("esfAmount", esfAmount, eligibleCost, category).ifPresent(violations::add);
        if (esfAmount.isGreaterThan(account.netCommitment())) {
            violations.add(Violation.of(FundsError.AGREEMENT_OVER_COMMITMENT, "esfAmount", esfAmount, account.netCommitment(), operation));
        }
        return violations;
    }

    /**
     * Amends the agreement while the operation runs.
     *
     * @param esfAmount the new FSE+ amount, at least what was already paid
     * @param eligibleCost the new eligible cost
     * @param period the new period
     * @param signedOn the day the amendment is signed, within the period in force
     * @param reason why, not blank
     * @param alreadyPaid what the ledger has already paid on the operation, zero or more
     * @return the amended agreement, with one more version, its simplified cost options kept
     * @throws InvalidValueException for a bad value of the new version
     * @throws RuleViolationException with every rule broken: {@code PLIE-FUNDS-021} when signed
     *     outside the period in force, {@code PLIE-FUNDS-022} when below what was paid
     */
    public GrantAgreement amend(Money esfAmount, Money eligibleCost, OperationPeriod period, LocalDate signedOn, String reason,
            Money alreadyPaid) {
        AgreementVersion next = new AgreementVersion(versions.size() + 1, esfAmount, eligibleCost, period, signedOn, reason);
        List<Violation> violations = new ArrayList<>();
        OperationPeriod running = current().period();
        if (!running.contains(signedOn)) {
            violations.add(Violation.of(FundsError.AMENDMENT_OUTSIDE_PERIOD, "signedOn", signedOn, running));
        }
        if (esfAmount.isLessThan(alreadyPaid)) {
            violations.add(Violation.of(FundsError.AMOUNT_BELOW_PAID, "esfAmount", esfAmount, alreadyPaid));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        List<AgreementVersion> all = new ArrayList<>(versions);
        all.add(next);
        return new GrantAgreement(id, operation, operator, intermediateBody, all, simplifiedCostOptions);
    }

    /**
     * The version in force: the last one.
     *
     * @return the version
     */
    public AgreementVersion current() {
        return versions.get(versions.size() - 1);
    }

    /**
     * The standard execution report schedule of the version in force.
     *
     * @param settings the funds settings, not null
     * @return the schedule
     */
    public ExecutionReportSchedule reportSchedule(FundsSettings settings) {
        return ExecutionReportSchedule.standard(current().period(), settings);
    }
}
