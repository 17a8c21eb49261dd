/**
 * The offer (l'offre): the operators, the calls for proposals, the operations they apply for with
 * their programming axis, costs by category, simplified cost options and financing plan, the
 * admissibility policies, the appraisal, the Département's PTI complementarity marking, and the
 * annual {@link fr.asso.europlie.plie.offer.Programming programming} (programmation annuelle)
 * that the steering committee adopts and amends during the year (RULES.md section 3,
 * PROCESSES.md B).
 */
package fr.asso.europlie.plie.offer;
