/**
 * Synthetic cohorts (cohortes synthétiques): reproducible, realistic generated participants and
 * pathways for property tests, demonstrations and the indicator benchmark. Identities are fake.
 */
package fr.asso.europlie.plie.cohort.synthetic;
