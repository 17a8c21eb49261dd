/**
 * The cohort figures of issue 16 (indicator reports over 1M participants, CSV import of 100k), each
 * against its baseline in the same run: see {@link fr.asso.europlie.plie.examples.bench.cohort.CohortBench}
 * and docs/performance-cohort.md. Mains, never tests.
 */
package fr.asso.europlie.plie.examples.bench.cohort;
