/**
 * The indicator documents of the PLIE interchange format (documents d'indicateurs): the PLIE's own
 * figures and the FSE+ report of a period, each under its own name ({@code plie/indicators}).
 */
package fr.asso.europlie.plie.json.indicators;
