/**
 * The territory of a PLIE (territoire): the communes it covers, identified by their INSEE codes
 * ({@link fr.asso.europlie.plie.territory.MunicipalityCode}) and checked against the official
 * administrative geography of 1 January 2026 shipped with the library
 * ({@link fr.asso.europlie.plie.territory.Geography#official2026()}: communes, intercommunalities
 * (EPCI) by SIREN, Départements, Régions, populations), together with the priority neighbourhoods
 * of urban policy (quartiers prioritaires, QPV) and the pockets of exclusion (poches d'exclusion)
 * that justify the plan. A {@link fr.asso.europlie.plie.territory.Territory} knows its
 * Départements, whether it covers each wholly or partly, and the population it covers.
 */
package fr.asso.europlie.plie.territory;
