package fr.asso.europlie.plie.governance;

import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.List;

/**
 * Governance for tests, modelled on the PLIE of the Grand Périgueux: the EPCI convenes the
 * steering committee; the Département of Dordogne, the State, the Région Nouvelle-Aquitaine and
 * France Travail sit on it; the animation structure and the intermediate body sit on the
 * technical committee. The people are made up.
 */
public final class GovernanceFixture {

    /** The CA Le Grand Périgueux. */
    public static final OrganisationId EPCI = OrganisationId.of("EPCI-200040392");
    /** The Département of Dordogne, insertion lead. */
    public static final OrganisationId DEPARTMENT = OrganisationId.of("DEPT-24");
    /** The State (préfecture de la Dordogne). */
    public static final OrganisationId STATE = OrganisationId.of("ETAT-24");
    /** The Région Nouvelle-Aquitaine. */
    public static final OrganisationId REGION = OrganisationId.of("REGION-75");
    /** France Travail Nouvelle-Aquitaine. */
    public static final OrganisationId FRANCE_TRAVAIL = OrganisationId.of("FT-AQUITAINE");
    /** The animation structure of the PLIE (structure d'animation). */
    public static final OrganisationId ANIMATION_STRUCTURE = OrganisationId.of("ANIMATION-PLIE-GP");
    /** The intermediate body managing the FSE+ global grant (organisme intermédiaire). */
    public static final OrganisationId INTERMEDIATE_BODY = OrganisationId.of("OI-PLIE-GP");

    /** The EPCI's president, chair of the steering committee. */
    public static final Member EPCI_PRESIDENT = Member.elected("Claire Lacombe", EPCI).withRole("présidente");
    /** An EPCI vice-president in charge of employment. */
    public static final Member EPCI_VICE_PRESIDENT = Member.elected("Marc Delpech", EPCI).withRole("vice-président emploi");
    /** The Département's vice-president in charge of insertion. */
    public static final Member DEPARTMENT_VICE_PRESIDENT =
            Member.elected("Sophie Martinet", DEPARTMENT).withRole("vice-présidente insertion");
    /** The State's representative. */
    public static final Member SUB_PREFECT = Member.technical("Paul Verdier", STATE).withRole("sous-préfet");
    /** The Région's elected representative. */
    public static final Member REGIONAL_COUNCILLOR = Member.elected("Nadia Ferrand", REGION).withRole("conseillère régionale");
    /** France Travail's territorial director. */
    public static final Member FRANCE_TRAVAIL_DIRECTOR = Member.technical("Hugo Besse", FRANCE_TRAVAIL).withRole("directeur territorial");

    private GovernanceFixture() {
    }

    /**
     * The six members of the steering committee.
     *
     * @return the members
     */
    public static List<Member> steeringMembers() {
        return List.of(EPCI_PRESIDENT, EPCI_VICE_PRESIDENT, DEPARTMENT_VICE_PRESIDENT, SUB_PREFECT, REGIONAL_COUNCILLOR,
                FRANCE_TRAVAIL_DIRECTOR);
    }

    /**
     * The steering committee: six members, chaired by the EPCI's president, convened by the EPCI,
     * with the default quorum (majority, the Département present).
     *
     * @return the committee
     */
    public static SteeringCommittee steeringCommittee() {
        return new SteeringCommittee(steeringMembers(), EPCI_PRESIDENT, QuorumRule.majorityWith(DEPARTMENT), EPCI);
    }

    /**
     * The technical committee: the staff of every partner, animation structure and OI included.
     *
     * @return the committee
     */
    public static TechnicalCommittee technicalCommittee() {
        return TechnicalCommittee.of(List.of(
                Member.technical("Julie Roche", EPCI).withRole("directrice du développement économique"),
                Member.technical("Antoine Marty", DEPARTMENT).withRole("chef du service insertion"),
                Member.technical("Inès Garrigue", STATE),
                Member.technical("Louis Chabrol", REGION),
                Member.technical("Emma Vidal", FRANCE_TRAVAIL),
                Member.technical("Thomas Bouyssou", ANIMATION_STRUCTURE).withRole("directeur du PLIE"),
                Member.technical("Léa Faure", INTERMEDIATE_BODY).withRole("gestionnaire FSE+")));
    }

    /**
     * A separate funders' committee: the funding partners' elected members, the Département
     * required.
     *
     * @return the committee
     */
    public static FundersCommittee fundersCommittee() {
        return new FundersCommittee(List.of(EPCI_PRESIDENT, DEPARTMENT_VICE_PRESIDENT, REGIONAL_COUNCILLOR, SUB_PREFECT),
                QuorumRule.majorityWith(DEPARTMENT));
    }

    /**
     * The entry commission: the animation structure, the Département and France Travail.
     *
     * @return the commission
     */
    public static EntryCommission entryCommission() {
        return new EntryCommission(List.of(
                Member.technical("Thomas Bouyssou", ANIMATION_STRUCTURE).withRole("directeur du PLIE"),
                Member.technical("Antoine Marty", DEPARTMENT),
                Member.technical("Emma Vidal", FRANCE_TRAVAIL)), QuorumRule.atLeast(2, 3));
    }

    /**
     * The governance of the Grand Périgueux PLIE, with a separate funders' committee.
     *
     * @return the governance
     */
    public static Governance governance() {
        return Governance.of(steeringCommittee(), technicalCommittee(), fundersCommittee(), entryCommission());
    }

    /**
     * The same governance, the steering committee sitting as funders' committee.
     *
     * @return the governance
     */
    public static Governance governanceWithMergedFunders() {
        return Governance.withFundersMergedIntoSteering(steeringCommittee(), technicalCommittee(), entryCommission());
    }
}
