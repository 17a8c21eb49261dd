package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.budget.Contribution;
import fr.asso.europlie.plie.budget.PlannedExpense;
import fr.asso.europlie.plie.budget.ProtocolBudget;
import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.governance.Governance;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.territory.Territory;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The content of one version of a protocol (contenu du protocole): what the signatories
 * negotiate, adopt and sign. Immutable; the {@code withX} methods return changed copies.
 *
 * <p>The constructor checks that the content is consistent in itself and reports every problem
 * at once: identifiers unique, years within the period, budget lines referring to known axes and
 * funders. The rules of the PLIE that must hold at adoption or signature (the Département signs,
 * every axis sits in the PTI, the budget balances...) are {@link ProtocolPolicies}.
 *
 * @param name the plan's name, e.g. "PLIE du Grand Périgueux", not blank
 * @param territory the territory covered, not null
 * @param period the period, not null
 * @param signatories the signatories, ids unique, copied
 * @param targetPublics the target publics, codes unique, copied
 * @param objectives the quantitative objectives, years within the period, not null
 * @param strategicAxes the strategic axes, ids unique, copied
 * @param pti the Département's territorial insertion pact, not null
 * @param budget the budget, years within the period, known axes and funders, not null
 * @param governance the committees, not null
 * @param animationStructure the animation structure and its missions, not null
 * @param intermediateBodies the current and future intermediate bodies (OI), copied
 * @param diagnostic the shared PTI-PLIE diagnostic, not null (may be incomplete in a draft)
 */
public record ProtocolContent(String name, Territory territory, ProtocolPeriod period, List<Signatory> signatories,
                              List<TargetPublic> targetPublics, Objectives objectives, List<StrategicAxis> strategicAxes,
                              TerritorialInsertionPact pti, ProtocolBudget budget, Governance governance,
                              AnimationStructure animationStructure, List<IntermediateBody> intermediateBodies,
                              SharedDiagnostic diagnostic) {

    /**
     * Checks the content and reports every problem at once.
     *
     * @throws InvalidValueException with all the violations found
     */
    public ProtocolContent {
        List<Violation> violations = new ArrayList<>();
        if (name == null || name.isBlank()) {
            violations.add(Violation.of(ProtocolError.BLANK, "name", name));
        }
        require(territory, "territory", violations);
        require(period, "period", violations);
        require(objectives, "objectives", violations);
        require(pti, "pti", violations);
        require(budget, "budget", violations);
        require(governance, "governance", violations);
        require(animationStructure, "animationStructure", violations);
        signatories = signatories == null ? List.of() : List.copyOf(signatories);
        targetPublics = targetPublics == null ? List.of() : List.copyOf(targetPublics);
        strategicAxes = strategicAxes == null ? List.of() : List.copyOf(strategicAxes);
        intermediateBodies = intermediateBodies == null ? List.of() : List.copyOf(intermediateBodies);
        diagnostic = diagnostic == null ? SharedDiagnostic.EMPTY : diagnostic;

        unique(signatories, s -> s.id().value(), "signatories", violations);
        unique(targetPublics, TargetPublic::code, "targetPublics", violations);
        unique(strategicAxes, a -> a.id().value(), "strategicAxes", violations);
        unique(intermediateBodies, b -> b.id().value(), "intermediateBodies", violations);
        int leads = 0;
        for (Signatory signatory : signatories) {
            if (signatory.insertionLead()) {
                leads++;
            }
        }
        if (leads > 1) {
            violations.add(Violation.of(ProtocolError.DUPLICATE, "signatories.insertionLead",
                    signatories.stream().filter(Signatory::insertionLead).map(s -> s.id().value()).toList()));
        }
        if (period != null && objectives != null) {
            for (Year year : objectives.participantsPerYear().keySet()) {
                outsidePeriod(year, period, "objectives.participantsPerYear", violations);
            }
        }
        if (budget != null) {
            Set<StrategicAxisId> axes = new HashSet<>(capacity(strategicAxes.size()));
            for (StrategicAxis axis : strategicAxes) {
                axes.add(axis.id());
            }
            Set<OrganisationId> funders = new HashSet<>(capacity(signatories.size() + intermediateBodies.size()));
            for (Signatory signatory : signatories) {
                funders.add(signatory.id());
            }
            for (IntermediateBody body : intermediateBodies) {
                funders.add(body.id());
            }
            List<Contribution> contributions = budget.contributions();
            // Each line's field name is built only for a problem.
            for (int i = 0; i < contributions.size(); i++) {
                Contribution c = contributions.get(i);
                if (period != null && !period.contains(c.year())) {
                    outsidePeriod(c.year(), period, "budget.contributions[" + i + "].year", violations);
                }
                if (!funders.contains(c.funder())) {
                    violations.add(Violation.of(ProtocolError.UNKNOWN_REFERENCE, "budget.contributions[" + i + "].funder", c.funder()));
                }
            }
            List<PlannedExpense> expenses = budget.plannedExpenses();
            for (int i = 0; i < expenses.size(); i++) {
                PlannedExpense e = expenses.get(i);
                if (period != null && !period.contains(e.year())) {
                    outsidePeriod(e.year(), period, "budget.plannedExpenses[" + i + "].year", violations);
                }
                if (!axes.contains(e.axis())) {
                    violations.add(Violation.of(ProtocolError.UNKNOWN_REFERENCE, "budget.plannedExpenses[" + i + "].axis", e.axis()));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
    }

    private static void require(Object value, String field, List<Violation> violations) {
        if (value == null) {
            violations.add(Violation.of(ProtocolError.BLANK, field, null));
        }
    }

    /** Each element's id once: a violation for each id seen before, in the list's order. */
    private static <T> void unique(List<T> elements, java.util.function.Function<T, String> id, String field,
            List<Violation> violations) {
        Set<String> seen = new HashSet<>(capacity(elements.size()));
        for (T element : elements) {
            String value = id.apply(element);
            if (!seen.add(value)) {
                violations.add(Violation.of(ProtocolError.DUPLICATE, field, value));
            }
        }
    }

    /** A hash set's initial capacity that holds a number of elements without rehashing. */
    private static int capacity(int elements) {
        return Math.max(16, elements * 4 / 3 + 1);
    }

    private static void outsidePeriod(Year year, ProtocolPeriod period, String field, List<Violation> violations) {
        if (!period.contains(year)) {
            violations.add(Violation.of(ProtocolError.YEAR_OUTSIDE_PERIOD, field, year, period.first(), period.last()));
        }
    }

    /**
     * The signatory for an organisation.
     *
     * @param id the organisation
     * @return the signatory, or empty when it does not sign
     */
    public Optional<Signatory> signatory(OrganisationId id) {
        return signatories.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * The Département that leads insertion policy, if it signs.
     *
     * @return the insertion lead, or the first Département, or empty
     */
    public Optional<Signatory> department() {
        return signatories.stream().filter(Signatory::insertionLead).findFirst()
                .or(() -> signatories.stream().filter(s -> s.kind() == SignatoryKind.DEPARTMENT).findFirst());
    }

    /**
     * The organisations that contribute to the budget or may: the signatories and the OIs.
     *
     * @return the funders' ids
     */
    public List<OrganisationId> possibleFunders() {
        List<OrganisationId> result = new ArrayList<>();
        signatories.forEach(s -> result.add(s.id()));
        intermediateBodies.forEach(b -> result.add(b.id()));
        return result;
    }

    /**
     * The strategic axis with this id.
     *
     * @param id the id
     * @return the axis, or empty
     */
    public Optional<StrategicAxis> strategicAxis(StrategicAxisId id) {
        return strategicAxes.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * A copy with another name.
     *
     * @param newName the name
     * @return the copy
     */
    public ProtocolContent withName(String newName) {
        return new ProtocolContent(newName, territory, period, signatories, targetPublics, objectives, strategicAxes, pti,
                budget, governance, animationStructure, intermediateBodies, diagnostic);
    }

    /**
     * A copy with another territory.
     *
     * @param newTerritory the territory
     * @return the copy
     */
    public ProtocolContent withTerritory(Territory newTerritory) {
        return new ProtocolContent(name, newTerritory, period, signatories, targetPublics, objectives, strategicAxes, pti,
                budget, governance, animationStructure, intermediateBodies, diagnostic);
    }

    /**
     * A copy with another period.
     *
     * @param newPeriod the period
     * @return the copy
     */
    public ProtocolContent withPeriod(ProtocolPeriod newPeriod) {
        return new ProtocolContent(name, territory, newPeriod, signatories, targetPublics, objectives, strategicAxes, pti,
                budget, governance, animationStructure, intermediateBodies, diagnostic);
    }

    /**
     * A copy with other signatories.
     *
     * @param newSignatories the signatories
     * @return the copy
     */
    public ProtocolContent withSignatories(List<Signatory> newSignatories) {
        return new ProtocolContent(name, territory, period, newSignatories, targetPublics, objectives, strategicAxes, pti,
                budget, governance, animationStructure, intermediateBodies, diagnostic);
    }

    /**
     * A copy with other target publics.
     *
     * @param newPublics the target publics
     * @return the copy
     */
    public ProtocolContent withTargetPublics(List<TargetPublic> newPublics) {
        return new ProtocolContent(name, territory, period, signatories, newPublics, objectives, strategicAxes, pti,
                budget, governance, animationStructure, intermediateBodies, diagnostic);
    }

    /**
     * A copy with other objectives.
     *
     * @param newObjectives the objectives
     * @return the copy
     */
    public ProtocolContent withObjectives(Objectives newObjectives) {
        return new ProtocolContent(name, territory, period, signatories, targetPublics, newObjectives, strategicAxes, pti,
                budget, governance, animationStructure, intermediateBodies, diagnostic);
    }

    /**
     * A copy with other strategic axes.
     *
     * @param newAxes the axes
     * @return the copy
     */
    public ProtocolContent withStrategicAxes(List<StrategicAxis> newAxes) {
        return new ProtocolContent(name, territory, period, signatories, targetPublics, objectives, newAxes, pti,
                budget, governance, animationStructure, intermediateBodies, diagnostic);
    }

    /**
     * A copy with another PTI.
     *
     * @param newPti the PTI
     * @return the copy
     */
    public ProtocolContent withPti(TerritorialInsertionPact newPti) {
        return new ProtocolContent(name, territory, period, signatories, targetPublics, objectives, strategicAxes, newPti,
                budget, governance, animationStructure, intermediateBodies, diagnostic);
    }

    /**
     * A copy with another budget.
     *
     * @param newBudget the budget
     * @return the copy
     */
    public ProtocolContent withBudget(ProtocolBudget newBudget) {
        return new ProtocolContent(name, territory, period, signatories, targetPublics, objectives, strategicAxes, pti,
                newBudget, governance, animationStructure, intermediateBodies, diagnostic);
    }

    /**
     * A copy with another governance.
     *
     * @param newGovernance the governance
     * @return the copy
     */
    public ProtocolContent withGovernance(Governance newGovernance) {
        return new ProtocolContent(name, territory, period, signatories, targetPublics, objectives, strategicAxes, pti,
                budget, newGovernance, animationStructure, intermediateBodies, diagnostic);
    }

    /**
     * A copy with another animation structure.
     *
     * @param newStructure the structure
     * @return the copy
     */
    public ProtocolContent withAnimationStructure(AnimationStructure newStructure) {
        return new ProtocolContent(name, territory, period, signatories, targetPublics, objectives, strategicAxes, pti,
                budget, governance, newStructure, intermediateBodies, diagnostic);
    }

    /**
     * A copy with other intermediate bodies.
     *
     * @param newBodies the OIs
     * @return the copy
     */
    public ProtocolContent withIntermediateBodies(List<IntermediateBody> newBodies) {
        return new ProtocolContent(name, territory, period, signatories, targetPublics, objectives, strategicAxes, pti,
                budget, governance, animationStructure, newBodies, diagnostic);
    }

    /**
     * A copy with another diagnostic.
     *
     * @param newDiagnostic the diagnostic
     * @return the copy
     */
    public ProtocolContent withDiagnostic(SharedDiagnostic newDiagnostic) {
        return new ProtocolContent(name, territory, period, signatories, targetPublics, objectives, strategicAxes, pti,
                budget, governance, animationStructure, intermediateBodies, newDiagnostic);
    }

    /**
     * A copy without a signatory and its budget lines (a withdrawal).
     *
     * @param id the signatory that withdraws
     * @return the copy
     */
    public ProtocolContent withoutSignatory(OrganisationId id) {
        return new ProtocolContent(name, territory, period, signatories.stream().filter(s -> !s.id().equals(id)).toList(),
                targetPublics, objectives, strategicAxes, pti, budget.withoutFunder(id), governance, animationStructure,
                intermediateBodies, diagnostic);
    }
}
