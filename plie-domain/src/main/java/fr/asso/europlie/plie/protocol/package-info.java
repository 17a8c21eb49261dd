/**
 * The protocol (protocole d'accord) of a PLIE: its territory, period, signatories, target
 * publics, objectives, strategic axes placed in the Département's PTI (pacte territorial pour
 * l'insertion), budget, governance, animation structure and intermediate bodies; its lifecycle
 * from draft to in force; its amendments (avenants) as versions; the rules of the PLIE as named
 * {@link fr.asso.europlie.plie.protocol.ProtocolPolicies policies}; and the
 * {@link fr.asso.europlie.plie.protocol.Protocols} port through which it is stored.
 */
package fr.asso.europlie.plie.protocol;
