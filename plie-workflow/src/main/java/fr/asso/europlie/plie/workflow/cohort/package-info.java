/**
 * The follow-up of a plan's cohort on the engine (suivi de la cohorte): participants stored one at a
 * time in the engine's database, the commands of their pathways checked against who acts (referents
 * on their own participants, the entry commission on entries, the Département on the designation
 * of RSA recipients' referents, the animation team on referrals, referents, erasures and reports),
 * each audited, and the indicator report streamed from the store. See {@code docs/cohort.md}.
 */
package fr.asso.europlie.plie.workflow.cohort;
