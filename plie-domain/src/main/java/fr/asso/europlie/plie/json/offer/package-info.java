/**
 * The JSON documents of the offer (documents JSON de l'offre): {@code plie/operation} and
 * {@code plie/programming}, built on the shared interchange infrastructure of
 * {@link fr.asso.europlie.plie.json}. See {@code docs/offer-and-funds.md}.
 */
package fr.asso.europlie.plie.json.offer;
