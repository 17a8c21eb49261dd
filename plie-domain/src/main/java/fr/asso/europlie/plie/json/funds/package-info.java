/**
 * The JSON documents of the FSE+ funds (documents JSON des fonds): {@code plie/global-grant} and
 * {@code plie/grant-agreement}, built on the shared interchange infrastructure of
 * {@link fr.asso.europlie.plie.json}. See {@code docs/offer-and-funds.md}.
 */
package fr.asso.europlie.plie.json.funds;
