package fr.asso.europlie.plie.json;

/**
 * What a reader does with members the format does not define (champs inconnus).
 */
public enum UnknownFields {
    /** Each unknown member is a problem ({@code PLIE-JSON-004}); the document is refused. The default. */
    REJECT,
    /**
     * Unknown members are accepted and kept: the read result lists them with their JSON path and
     * raw JSON text ({@link Document#unknownFields()}), so that an application can store them and
     * a newer reader can use them.
     */
    KEEP
}
