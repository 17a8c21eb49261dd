/**
 * The cohort (cohorte, file active): the people the plan exists for and their individual pathways.
 *
 * <p>A person is referred by a partner ({@link fr.asso.europlie.plie.cohort.Referral}), checked
 * against the eligibility rules of the protocol's target publics
 * ({@link fr.asso.europlie.plie.cohort.EligibilityRules}, configured in data), validated by the
 * entry commission, and enters by signing a voluntary adhesion with a referent who stays within its
 * caseload cap. The pathway ({@link fr.asso.europlie.plie.cohort.AccompanimentPeriod}, parcours) is a
 * set of typed, possibly concurrent steps with a status history that changes without breaking it,
 * and ends with an exit, positive when the rules of
 * {@link fr.asso.europlie.plie.cohort.PositiveExitPolicy} are met. A re-entry opens a new period and
 * never overwrites an earlier one. Identities live apart in the
 * {@link fr.asso.europlie.plie.cohort.PersonalDataVault}; everything else uses the pseudonymous
 * {@link fr.asso.europlie.plie.cohort.ParticipantId}.
 *
 * <p>The {@link fr.asso.europlie.plie.cohort.Participant} is the aggregate: the commands of
 * {@link fr.asso.europlie.plie.cohort.Pathways} take one participant and return its next state or
 * refuse with every violation found, changing nothing. Rules spanning participants (the referent's
 * caseload cap, judged on every day of an assignment, and no double accompaniment) are checked
 * against the port {@link fr.asso.europlie.plie.cohort.CohortCounts};
 * participants, identities and referents are kept behind the ports
 * {@link fr.asso.europlie.plie.cohort.Participants}, {@link fr.asso.europlie.plie.cohort.Identities}
 * and {@link fr.asso.europlie.plie.cohort.Referents}, in memory or in the engine's database. The
 * {@link fr.asso.europlie.plie.cohort.Cohort} composes the in-memory parts for tests, imports and
 * examples.
 */
package fr.asso.europlie.plie.cohort;
