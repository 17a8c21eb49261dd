/**
 * Organisations (organisations, structures) taking part in a plan: signatories, funders, the
 * intermediate body, the animation structure, operators and referrers, known by their
 * {@link fr.asso.europlie.plie.organisation.OrganisationId}.
 */
package fr.asso.europlie.plie.organisation;
