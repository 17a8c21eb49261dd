package fr.asso.europlie.plie.workflow;

/**
 * A role an actor holds in the PLIE's governance (rôle), which decides the steps of a process
 * that the actor may do for the organisation it acts for.
 */
public enum Role {
    /** The PLIE's animation team (équipe d'animation): drafts, coordinates, consolidates. */
    ANIMATION_TEAM,
    /** A party's technical staff (services techniques): shared diagnostic and technical opinions. */
    TECHNICAL_STAFF,
    /** A funder's budget officer (financeur): confirms the organisation's contribution. */
    FUNDER,
    /** The steering committee's secretariat recording its decisions (comité de pilotage). */
    STEERING_COMMITTEE,
    /** A signatory's deliberating body (organe délibérant: conseil, commission permanente, préfet). */
    DELIBERATING_BODY,
    /** A signatory's legal representative, who signs (représentant légal, signataire). */
    SIGNATORY,
    /** An instructor of the intermediate body (OI), who appraises operations and reserves FSE+ (instructeur). */
    OI_INSTRUCTOR,
    /** A manager of the intermediate body (OI), who decides commitments (gestionnaire, ordonnateur). */
    OI_MANAGER,
    /**
     * An operator (porteur de projet): applies for its own operations in a programming round and
     * signs its own operation's grant agreement.
     */
    OPERATOR,
    /**
     * A pathway referent (référent de parcours): acts on its own participants, those it is the
     * referent of today; the actor's user id is the referent's id ({@code ReferentId}).
     */
    REFERENT,
    /** The entry commission's secretariat (commission d'entrée): validates or refuses entries. */
    ENTRY_COMMISSION,
    /**
     * The Département's officer who designates the single referent of RSA recipients (désignation
     * du référent unique); acts for the Département named in the cohort's settings.
     */
    RSA_DESIGNATION
}
