/**
 * The cohort's indicators (indicateurs): cohort figures (caseload, entries, exits, positive-exit
 * rate against the protocol's objective, pathway duration, steps per participant) for any period
 * and slice, the FSE+ common indicators EECO01 to EECO17 and EECR01 to EECR06 broken down by gender,
 * and the completeness of the FSE+ data. {@link fr.asso.europlie.plie.indicators.Indicators}
 * computes every report in a single pass over the participants.
 */
package fr.asso.europlie.plie.indicators;
