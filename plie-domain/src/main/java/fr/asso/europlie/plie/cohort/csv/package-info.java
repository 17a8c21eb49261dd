/**
 * The cohort's CSV files (fichiers CSV): {@code periods.csv}, {@code steps.csv},
 * {@code identities.csv} and {@code referents.csv}, UTF-8, separated by {@code ;} or {@code ,}, with
 * the column sets of {@code docs/cohort.md}. {@link fr.asso.europlie.plie.cohort.csv.CohortCsv} reads
 * them reporting every bad row with its line, and writes them back; identities stay in their own file.
 */
package fr.asso.europlie.plie.cohort.csv;
