package fr.asso.europlie.plie.governance;

/**
 * The level at which a partner takes part (niveau de représentation): elected officials or their
 * technical staff. The protocol's negotiation consults every party at both levels.
 */
public enum Level {
    /** Elected officials (élus), who deliberate and adopt. */
    ELECTED("élus"),
    /** Technical staff (techniciens), who prepare and give opinions. */
    TECHNICAL("techniciens");

    private final String frenchTerm;

    Level(String frenchTerm) {
        this.frenchTerm = frenchTerm;
    }

    /**
     * The French term of this level.
     *
     * @return {@code élus} or {@code techniciens}
     */
    public String frenchTerm() {
        return frenchTerm;
    }
}
