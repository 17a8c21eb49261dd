package fr.asso.europlie.plie.governance;

/** The kinds of committee of a PLIE's governance (instances de gouvernance). */
public enum CommitteeKind {
    /** The steering committee (comité de pilotage, COPIL): the PLIE's governance body. */
    STEERING("comité de pilotage"),
    /** The technical or operational committee (comité technique / opérationnel). */
    TECHNICAL("comité technique"),
    /** The funders' committee (comité des financeurs), often merged with the steering committee. */
    FUNDERS("comité des financeurs"),
    /** The entry commission (commission d'entrée / d'agrément), which validates entry files. */
    ENTRY("commission d’entrée");

    private final String frenchTerm;

    CommitteeKind(String frenchTerm) {
        this.frenchTerm = frenchTerm;
    }

    /**
     * The French name of this kind of committee.
     *
     * @return such as {@code comité de pilotage}
     */
    public String frenchTerm() {
        return frenchTerm;
    }
}
