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
 * {@link fr.asso.europlie.plie.cohort.ParticipantId}. The {@link fr.asso.europlie.plie.cohort.Cohort}
 * is the aggregate through which every change goes.
 */
package fr.asso.europlie.plie.cohort;
