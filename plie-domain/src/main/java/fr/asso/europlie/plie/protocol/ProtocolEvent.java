package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.Instant;
import java.util.Objects;

/**
 * A domain event of a protocol (événement du protocole), named in the past tense.
 *
 * <p>Every event has an id (the protocol id and a sequence number: {@code PLIE-X#7}, stable and
 * reproducible), the protocol's id, the version the event concerns (1 for the initial
 * negotiation, n+1 for an amendment), the instant, and who acted. Some also name an organisation
 * (a signatory that deliberated, signed or withdrew) and a detail (a reason, a date, a
 * reference). The protocol keeps all its events: they are its history and audit trail.
 */
public sealed interface ProtocolEvent permits ProtocolEvent.ProtocolDrafted, ProtocolEvent.NegotiationOpened, ProtocolEvent.ProtocolRevised, ProtocolEvent.ProtocolAdopted, ProtocolEvent.DeliberationRecorded, ProtocolEvent.ProtocolSentBack, ProtocolEvent.SignatoryWithdrew, ProtocolEvent.SignatureRecorded, ProtocolEvent.ProtocolSigned, ProtocolEvent.ProtocolEnteredIntoForce, ProtocolEvent.AmendmentProposed, ProtocolEvent.ProtocolAbandoned, ProtocolEvent.ProtocolExpired, ProtocolEvent.ProtocolTerminated {

    /**
     * The event's id, unique and stable: protocol id, {@code #}, sequence number.
     *
     * @return the id
     */
    String id();

    /**
     * The protocol concerned.
     *
     * @return the protocol's id
     */
    ProtocolId protocolId();

    /**
     * The version concerned: 1 for the initial negotiation, n+1 for an amendment.
     *
     * @return the version number
     */
    int version();

    /**
     * When it happened.
     *
     * @return the instant
     */
    Instant at();

    /**
     * Who acted (a user id as the application knows it).
     *
     * @return the actor
     */
    String actor();

    /**
     * The organisation concerned, for events of one signatory.
     *
     * @return the organisation, or null
     */
    OrganisationId organisation();

    /**
     * A reason, date or reference, when the event has one.
     *
     * @return the detail, or null
     */
    String detail();

    /**
     * The event type's name, as used in the JSON format and the audit trail.
     *
     * @return the simple name of the record, e.g. {@code ProtocolSigned}
     */
    default String type() {
        return getClass().getSimpleName();
    }

    /**
     * Creates an event of a type by its name (used when reading stored history).
     *
     * @param type the type name, e.g. {@code ProtocolSigned}
     * @param id the event id
     * @param protocolId the protocol
     * @param version the version concerned
     * @param at the instant
     * @param actor who acted
     * @param organisation the organisation or null
     * @param detail the detail or null
     * @return the event
     * @throws IllegalArgumentException when the type is unknown
     */
    static ProtocolEvent of(String type, String id, ProtocolId protocolId, int version, Instant at, String actor,
                            OrganisationId organisation, String detail) {
        return switch (type) {
            case "ProtocolDrafted" -> new ProtocolDrafted(id, protocolId, version, at, actor, organisation, detail);
            case "NegotiationOpened" -> new NegotiationOpened(id, protocolId, version, at, actor, organisation, detail);
            case "ProtocolRevised" -> new ProtocolRevised(id, protocolId, version, at, actor, organisation, detail);
            case "ProtocolAdopted" -> new ProtocolAdopted(id, protocolId, version, at, actor, organisation, detail);
            case "DeliberationRecorded" -> new DeliberationRecorded(id, protocolId, version, at, actor, organisation, detail);
            case "ProtocolSentBack" -> new ProtocolSentBack(id, protocolId, version, at, actor, organisation, detail);
            case "SignatoryWithdrew" -> new SignatoryWithdrew(id, protocolId, version, at, actor, organisation, detail);
            case "SignatureRecorded" -> new SignatureRecorded(id, protocolId, version, at, actor, organisation, detail);
            case "ProtocolSigned" -> new ProtocolSigned(id, protocolId, version, at, actor, organisation, detail);
            case "ProtocolEnteredIntoForce" -> new ProtocolEnteredIntoForce(id, protocolId, version, at, actor, organisation, detail);
            case "AmendmentProposed" -> new AmendmentProposed(id, protocolId, version, at, actor, organisation, detail);
            case "ProtocolAbandoned" -> new ProtocolAbandoned(id, protocolId, version, at, actor, organisation, detail);
            case "ProtocolExpired" -> new ProtocolExpired(id, protocolId, version, at, actor, organisation, detail);
            case "ProtocolTerminated" -> new ProtocolTerminated(id, protocolId, version, at, actor, organisation, detail);
            default -> throw new IllegalArgumentException("type: unknown protocol event " + type);
        };
    }

    private static void check(String id, ProtocolId protocolId, Instant at, String actor) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(protocolId, "protocolId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
    }

    /**
     * Event: a draft protocol was created by the animation team (projet de protocole créé).
     *
     * @param id the event id
     * @param protocolId the protocol
     * @param version the version concerned
     * @param at when
     * @param actor who acted
     * @param organisation the organisation concerned, or null
     * @param detail the detail, or null
     */
    record ProtocolDrafted(String id, ProtocolId protocolId, int version, Instant at, String actor, OrganisationId organisation,
              String detail) implements ProtocolEvent {
        /** Checks the mandatory components. */
        public ProtocolDrafted {
            check(id, protocolId, at, actor);
        }
    }

    /**
     * Event: the negotiation with the parties was opened (négociation ouverte).
     *
     * @param id the event id
     * @param protocolId the protocol
     * @param version the version concerned
     * @param at when
     * @param actor who acted
     * @param organisation the organisation concerned, or null
     * @param detail the detail, or null
     */
    record NegotiationOpened(String id, ProtocolId protocolId, int version, Instant at, String actor, OrganisationId organisation,
              String detail) implements ProtocolEvent {
        /** Checks the mandatory components. */
        public NegotiationOpened {
            check(id, protocolId, at, actor);
        }
    }

    /**
     * Event: the text under negotiation was revised, e.g. at consolidation (projet révisé).
     *
     * @param id the event id
     * @param protocolId the protocol
     * @param version the version concerned
     * @param at when
     * @param actor who acted
     * @param organisation the organisation concerned, or null
     * @param detail the detail, or null
     */
    record ProtocolRevised(String id, ProtocolId protocolId, int version, Instant at, String actor, OrganisationId organisation,
              String detail) implements ProtocolEvent {
        /** Checks the mandatory components. */
        public ProtocolRevised {
            check(id, protocolId, at, actor);
        }
    }

    /**
     * Event: the steering committee adopted the text (adopté par le comité de pilotage); detail: the decision.
     *
     * @param id the event id
     * @param protocolId the protocol
     * @param version the version concerned
     * @param at when
     * @param actor who acted
     * @param organisation the organisation concerned, or null
     * @param detail the detail, or null
     */
    record ProtocolAdopted(String id, ProtocolId protocolId, int version, Instant at, String actor, OrganisationId organisation,
              String detail) implements ProtocolEvent {
        /** Checks the mandatory components. */
        public ProtocolAdopted {
            check(id, protocolId, at, actor);
        }
    }

    /**
     * Event: a signatory's body deliberated (délibération); organisation: the signatory; detail: outcome and reference.
     *
     * @param id the event id
     * @param protocolId the protocol
     * @param version the version concerned
     * @param at when
     * @param actor who acted
     * @param organisation the organisation concerned, or null
     * @param detail the detail, or null
     */
    record DeliberationRecorded(String id, ProtocolId protocolId, int version, Instant at, String actor, OrganisationId organisation,
              String detail) implements ProtocolEvent {
        /** Checks the mandatory components. */
        public DeliberationRecorded {
            check(id, protocolId, at, actor);
        }
    }

    /**
     * Event: the adopted text went back to negotiation (renvoyé en consolidation); detail: the reason.
     *
     * @param id the event id
     * @param protocolId the protocol
     * @param version the version concerned
     * @param at when
     * @param actor who acted
     * @param organisation the organisation concerned, or null
     * @param detail the detail, or null
     */
    record ProtocolSentBack(String id, ProtocolId protocolId, int version, Instant at, String actor, OrganisationId organisation,
              String detail) implements ProtocolEvent {
        /** Checks the mandatory components. */
        public ProtocolSentBack {
            check(id, protocolId, at, actor);
        }
    }

    /**
     * Event: a non-mandatory signatory withdrew (retrait d'un signataire); organisation: who; detail: the reason.
     *
     * @param id the event id
     * @param protocolId the protocol
     * @param version the version concerned
     * @param at when
     * @param actor who acted
     * @param organisation the organisation concerned, or null
     * @param detail the detail, or null
     */
    record SignatoryWithdrew(String id, ProtocolId protocolId, int version, Instant at, String actor, OrganisationId organisation,
              String detail) implements ProtocolEvent {
        /** Checks the mandatory components. */
        public SignatoryWithdrew {
            check(id, protocolId, at, actor);
        }
    }

    /**
     * Event: one signatory signed (signature); organisation: who; detail: the date of signature.
     *
     * @param id the event id
     * @param protocolId the protocol
     * @param version the version concerned
     * @param at when
     * @param actor who acted
     * @param organisation the organisation concerned, or null
     * @param detail the detail, or null
     */
    record SignatureRecorded(String id, ProtocolId protocolId, int version, Instant at, String actor, OrganisationId organisation,
              String detail) implements ProtocolEvent {
        /** Checks the mandatory components. */
        public SignatureRecorded {
            check(id, protocolId, at, actor);
        }
    }

    /**
     * Event: every signatory has signed (protocole signé).
     *
     * @param id the event id
     * @param protocolId the protocol
     * @param version the version concerned
     * @param at when
     * @param actor who acted
     * @param organisation the organisation concerned, or null
     * @param detail the detail, or null
     */
    record ProtocolSigned(String id, ProtocolId protocolId, int version, Instant at, String actor, OrganisationId organisation,
              String detail) implements ProtocolEvent {
        /** Checks the mandatory components. */
        public ProtocolSigned {
            check(id, protocolId, at, actor);
        }
    }

    /**
     * Event: the protocol, or an amendment, entered into force (entrée en vigueur); detail: the date.
     *
     * @param id the event id
     * @param protocolId the protocol
     * @param version the version concerned
     * @param at when
     * @param actor who acted
     * @param organisation the organisation concerned, or null
     * @param detail the detail, or null
     */
    record ProtocolEnteredIntoForce(String id, ProtocolId protocolId, int version, Instant at, String actor, OrganisationId organisation,
              String detail) implements ProtocolEvent {
        /** Checks the mandatory components. */
        public ProtocolEnteredIntoForce {
            check(id, protocolId, at, actor);
        }
    }

    /**
     * Event: an amendment of the in-force protocol was proposed (avenant proposé); detail: the reason.
     *
     * @param id the event id
     * @param protocolId the protocol
     * @param version the version concerned
     * @param at when
     * @param actor who acted
     * @param organisation the organisation concerned, or null
     * @param detail the detail, or null
     */
    record AmendmentProposed(String id, ProtocolId protocolId, int version, Instant at, String actor, OrganisationId organisation,
              String detail) implements ProtocolEvent {
        /** Checks the mandatory components. */
        public AmendmentProposed {
            check(id, protocolId, at, actor);
        }
    }

    /**
     * Event: the negotiation, or the pending amendment, was abandoned (abandon); detail: the reason.
     *
     * @param id the event id
     * @param protocolId the protocol
     * @param version the version concerned
     * @param at when
     * @param actor who acted
     * @param organisation the organisation concerned, or null
     * @param detail the detail, or null
     */
    record ProtocolAbandoned(String id, ProtocolId protocolId, int version, Instant at, String actor, OrganisationId organisation,
              String detail) implements ProtocolEvent {
        /** Checks the mandatory components. */
        public ProtocolAbandoned {
            check(id, protocolId, at, actor);
        }
    }

    /**
     * Event: the protocol reached the end of its period (échu).
     *
     * @param id the event id
     * @param protocolId the protocol
     * @param version the version concerned
     * @param at when
     * @param actor who acted
     * @param organisation the organisation concerned, or null
     * @param detail the detail, or null
     */
    record ProtocolExpired(String id, ProtocolId protocolId, int version, Instant at, String actor, OrganisationId organisation,
              String detail) implements ProtocolEvent {
        /** Checks the mandatory components. */
        public ProtocolExpired {
            check(id, protocolId, at, actor);
        }
    }

    /**
     * Event: the protocol was ended early (résilié); detail: the reason.
     *
     * @param id the event id
     * @param protocolId the protocol
     * @param version the version concerned
     * @param at when
     * @param actor who acted
     * @param organisation the organisation concerned, or null
     * @param detail the detail, or null
     */
    record ProtocolTerminated(String id, ProtocolId protocolId, int version, Instant at, String actor, OrganisationId organisation,
              String detail) implements ProtocolEvent {
        /** Checks the mandatory components. */
        public ProtocolTerminated {
            check(id, protocolId, at, actor);
        }
    }
}
