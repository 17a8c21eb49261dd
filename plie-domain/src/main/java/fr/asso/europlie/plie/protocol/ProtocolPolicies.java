package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.budget.ProtocolBudget;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.governance.SteeringCommittee;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of RULES.md sections 1 and 2 that a protocol's content must satisfy, each a named
 * policy with a stable error code, gathered in one explicit list.
 *
 * <p>The rule that a signed protocol changes only by amendment is a lifecycle rule: it is
 * enforced by {@link Protocol} ({@code PLIE-PROTOCOL-015}).
 */
public enum ProtocolPolicies implements ProtocolPolicy {

    /** At least one target public ({@code PLIE-PROTOCOL-021}). */
    HAS_TARGET_PUBLICS(Moment.ADOPTION) {
        @Override
        public List<Violation> check(ProtocolContent content) {
            return content.targetPublics().isEmpty()
                    ? List.of(Violation.of(ProtocolError.NO_TARGET_PUBLIC, "targetPublics", "[]")) : List.of();
        }
    },

    /** At least one strategic axis ({@code PLIE-PROTOCOL-022}). */
    HAS_STRATEGIC_AXES(Moment.ADOPTION) {
        @Override
        public List<Violation> check(ProtocolContent content) {
            return content.strategicAxes().isEmpty()
                    ? List.of(Violation.of(ProtocolError.NO_STRATEGIC_AXIS, "strategicAxes", "[]")) : List.of();
        }
    },

    /** The Département, lead of insertion policy, signs the protocol ({@code PLIE-PROTOCOL-010}). */
    DEPARTMENT_SIGNS(Moment.ADOPTION) {
        @Override
        public List<Violation> check(ProtocolContent content) {
            boolean signs = content.signatories().stream().anyMatch(s -> s.kind() == SignatoryKind.DEPARTMENT && s.insertionLead());
            return signs ? List.of() : List.of(Violation.of(ProtocolError.DEPARTMENT_MUST_SIGN, "signatories",
                    content.signatories().stream().map(s -> s.id().value()).toList()));
        }
    },

    /**
     * The Département that leads insertion is a Département of the territory (one of them when
     * the territory spans several): a foreign Département cannot lead ({@code PLIE-PROTOCOL-033}).
     */
    DEPARTMENT_OF_THE_TERRITORY(Moment.ADOPTION) {
        @Override
        public List<Violation> check(ProtocolContent content) {
            List<Violation> violations = new ArrayList<>();
            List<Signatory> signatories = content.signatories();
            for (int i = 0; i < signatories.size(); i++) {
                Signatory s = signatories.get(i);
                if (s.insertionLead() && !ofTheTerritory(content, s)) {
                    violations.add(Violation.of(ProtocolError.DEPARTMENT_OUTSIDE_TERRITORY, "signatories[" + i + "].department",
                            s.department(), s.id(), content.territory().departments()));
                }
            }
            return violations;
        }
    },

    /**
     * The Département of the territory sits on the steering committee ({@code PLIE-PROTOCOL-011}),
     * and the organisation the committee's quorum requires as the Département, when it is a
     * Département, is one of the territory's ({@code PLIE-PROTOCOL-033}).
     */
    DEPARTMENT_ON_STEERING_COMMITTEE(Moment.ADOPTION) {
        @Override
        public List<Violation> check(ProtocolContent content) {
            List<Violation> violations = new ArrayList<>();
            SteeringCommittee committee = content.governance().steeringCommittee();
            Optional<Signatory> department = content.department();
            if (department.isPresent()) { // otherwise reported by DEPARTMENT_SIGNS
                OrganisationId id = department.get().id();
                boolean sits = content.signatories().stream()
                        .filter(s -> s.kind() == SignatoryKind.DEPARTMENT && ofTheTerritory(content, s))
                        .anyMatch(s -> committee.represents(s.id()));
                if (!sits) {
                    violations.add(Violation.of(ProtocolError.DEPARTMENT_ON_STEERING_COMMITTEE,
                            "governance.steeringCommittee.members", id));
                }
            }
            committee.quorum().mandatoryOrganisation().flatMap(content::signatory)
                    .filter(s -> s.kind() == SignatoryKind.DEPARTMENT && !ofTheTerritory(content, s))
                    .ifPresent(s -> violations.add(Violation.of(ProtocolError.DEPARTMENT_OUTSIDE_TERRITORY,
                            "governance.steeringCommittee.quorum.mandatoryOrganisation", s.department(), s.id(),
                            content.territory().departments())));
            return violations;
        }
    },

    /**
     * The intermediate body does not stand in for the steering committee: the committee is not
     * the OI's body ({@code PLIE-PROTOCOL-012}).
     */
    OI_DOES_NOT_STEER(Moment.ADOPTION) {
        @Override
        public List<Violation> check(ProtocolContent content) {
            SteeringCommittee committee = content.governance().steeringCommittee();
            return content.intermediateBodies().stream()
                    .filter(oi -> oi.id().equals(committee.convenedBy()))
                    .map(oi -> Violation.of(ProtocolError.OI_NOT_STEERING_COMMITTEE,
                            "governance.steeringCommittee.convenedBy", oi.id()))
                    .toList();
        }
    },

    /** Every strategic axis sits in an axis of the Département's PTI ({@code PLIE-PROTOCOL-013}). */
    AXES_WITHIN_PTI(Moment.ADOPTION) {
        @Override
        public List<Violation> check(ProtocolContent content) {
            List<Violation> violations = new ArrayList<>();
            List<StrategicAxis> axes = content.strategicAxes();
            for (int i = 0; i < axes.size(); i++) {
                StrategicAxis axis = axes.get(i);
                if (content.pti().axis(axis.ptiAxis()).isEmpty()) {
                    violations.add(Violation.of(ProtocolError.AXIS_OUTSIDE_PTI, "strategicAxes[" + i + "].ptiAxis",
                            axis.id(), axis.ptiAxis()));
                }
            }
            return violations;
        }
    },

    /**
     * The PTI is that of a Département of the territory, and that of the insertion lead when the
     * lead is one of the territory's Départements: the Département owns the PTI
     * ({@code PLIE-PROTOCOL-020}).
     */
    PTI_OF_THE_TERRITORY(Moment.ADOPTION) {
        @Override
        public List<Violation> check(ProtocolContent content) {
            Set<String> departments = content.territory().departments().stream()
                    .map(Object::toString).collect(Collectors.toCollection(java.util.TreeSet::new));
            String owner = content.pti().department();
            if (!departments.contains(owner)) {
                return List.of(Violation.of(ProtocolError.PTI_OF_ANOTHER_DEPARTMENT, "pti.department", owner, departments));
            }
            Optional<Signatory> lead = content.signatories().stream().filter(Signatory::insertionLead)
                    .filter(s -> ofTheTerritory(content, s)).findFirst();
            return lead.isEmpty() || lead.get().department().value().equals(owner) ? List.of()
                    : List.of(Violation.of(ProtocolError.PTI_OF_ANOTHER_DEPARTMENT, "pti.department", owner,
                            List.of(lead.get().department().value())));
        }
    },

    /**
     * Mutual representation: as the Département sits on the steering committee, the PLIE, through
     * its animation structure, is represented in the PTI's governance body ({@code PLIE-PROTOCOL-031}).
     */
    PLIE_IN_PTI_GOVERNANCE(Moment.ADOPTION) {
        @Override
        public List<Violation> check(ProtocolContent content) {
            OrganisationId structure = content.animationStructure().id();
            return content.pti().governanceBody().contains(structure) ? List.of()
                    : List.of(Violation.of(ProtocolError.PLIE_NOT_IN_PTI_GOVERNANCE, "pti.governanceBody", structure));
        }
    },

    /** The shared PTI-PLIE diagnostic fills its six items ({@code PLIE-PROTOCOL-017}). */
    DIAGNOSTIC_COMPLETE(Moment.ADOPTION) {
        @Override
        public List<Violation> check(ProtocolContent content) {
            return content.diagnostic().missing().stream()
                    .map(item -> Violation.of(ProtocolError.DIAGNOSTIC_INCOMPLETE, "diagnostic." + item, item))
                    .toList();
        }
    },

    /**
     * The animation team's missions cover the three inseparable pillars: pathway management,
     * economic actors, engineering ({@code PLIE-PROTOCOL-019}).
     */
    ANIMATION_PILLARS(Moment.ADOPTION) {
        @Override
        public List<Violation> check(ProtocolContent content) {
            return AnimationMission.PILLARS.stream()
                    .filter(pillar -> !content.animationStructure().missions().contains(pillar))
                    .map(pillar -> Violation.of(ProtocolError.ANIMATION_PILLAR_MISSING, "animationStructure.missions", pillar))
                    .toList();
        }
    },

    /** The budget balances: resources equal planned expenses ({@code PLIE-PROTOCOL-014}). */
    BUDGET_BALANCED(Moment.SIGNATURE) {
        @Override
        public List<Violation> check(ProtocolContent content) {
            ProtocolBudget budget = content.budget();
            return budget.isBalanced() ? List.of()
                    : List.of(Violation.of(ProtocolError.BUDGET_UNBALANCED, "budget", budget.balance(),
                            budget.totalResources(), budget.totalExpenses()));
        }
    };

    private final Moment moment;

    private static boolean ofTheTerritory(ProtocolContent content, Signatory signatory) {
        return signatory.department() != null && content.territory().departments().contains(signatory.department());
    }

    ProtocolPolicies(Moment moment) {
        this.moment = moment;
    }

    @Override
    public Moment moment() {
        return moment;
    }

    /**
     * The rules that must hold at a moment: at adoption the adoption rules; at signature all.
     *
     * @param moment the moment
     * @return the rules, in declaration order
     */
    public static List<ProtocolPolicy> at(Moment moment) {
        return Arrays.stream(values())
                .filter(p -> moment == Moment.SIGNATURE || p.moment() == Moment.ADOPTION)
                .map(ProtocolPolicy.class::cast)
                .toList();
    }

    /**
     * The rules that a draft already satisfies when its negotiation starts, when it is revised at
     * consolidation and when an amendment starts: every adoption rule except the shared diagnostic,
     * which is the negotiation's first step. The budget's balance is checked later by design: the
     * funders confirm their contributions during the negotiation.
     *
     * @return the rules, in declaration order
     */
    public static List<ProtocolPolicy> onDraft() {
        return at(Moment.ADOPTION).stream().filter(p -> p != DIAGNOSTIC_COMPLETE).toList();
    }

    /**
     * Every violation of the rules that a draft must satisfy ({@link #onDraft()}).
     *
     * @param content the draft's content
     * @return all violations, empty when the draft may be negotiated
     */
    public static List<Violation> checkDraft(ProtocolContent content) {
        List<Violation> violations = new ArrayList<>();
        for (ProtocolPolicy policy : onDraft()) {
            violations.addAll(policy.check(content));
        }
        return violations;
    }

    /**
     * Every violation of the rules that must hold at a moment.
     *
     * @param content the content
     * @param moment the moment
     * @return all violations, empty when the content may go on
     */
    public static List<Violation> check(ProtocolContent content, Moment moment) {
        List<Violation> violations = new ArrayList<>();
        for (ProtocolPolicy policy : at(moment)) {
            violations.addAll(policy.check(content));
        }
        return violations;
    }
}
