package fr.asso.europlie.plie.workflow;

/**
 * A technical failure of the store (erreur technique du stockage): the database could not be read
 * or written. The engine's transaction rolls back; nothing of the step remains.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param what what the store was doing
     * @param cause the database's exception
     */
    public StoreException(String what, Throwable cause) {
        super("PLIE store: cannot " + what + ": " + cause.getMessage(), cause);
    }
}
