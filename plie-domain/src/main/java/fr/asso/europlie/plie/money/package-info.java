/**
 * Money (montants): amounts in euros exact to the cent, with explicit rounding.
 */
package fr.asso.europlie.plie.money;
