/**
 * The protocol budget (budget du PLIE): contributions by funder and year, planned expenses by
 * year and strategic axis, their totals and balance, exact to the cent.
 */
package fr.asso.europlie.plie.budget;
