package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.Violation;
import java.util.List;

/**
 * A rule of the PLIE that a protocol's content must satisfy at a moment of its lifecycle
 * (règle du protocole). A policy returns every violation it finds, or none.
 */
public interface ProtocolPolicy {

    /**
     * The moment from which the rule must hold.
     */
    enum Moment {
        /** Before the steering committee adopts the protocol (and at every later step). */
        ADOPTION,
        /** Before any signatory signs. */
        SIGNATURE
    }

    /**
     * Checks the content.
     *
     * @param content the content, not null
     * @return the violations, empty when the rule holds
     */
    List<Violation> check(ProtocolContent content);

    /**
     * The moment from which the rule must hold.
     *
     * @return the moment
     */
    Moment moment();
}
