/**
 * The governance of a PLIE (gouvernance): its partnership bodies, the steering committee
 * (comité de pilotage), the technical committee (comité technique), the funders' committee
 * (comité des financeurs) and the entry commission (commission d'entrée), each with its members
 * at the elected or technical level (élus / techniciens), its quorum rule (a setting, by default
 * a majority of the members with the Département present), and the decisions it takes, recorded
 * with who, when, what and why and checked by named decision policies.
 */
package fr.asso.europlie.plie.governance;
