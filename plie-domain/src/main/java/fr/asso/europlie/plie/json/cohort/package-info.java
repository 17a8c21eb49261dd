/**
 * The {@code plie/cohort} JSON document (document cohorte): participants, their accompaniment
 * periods and, apart, their identities and erasures, read with every problem at its JSON path.
 */
package fr.asso.europlie.plie.json.cohort;
