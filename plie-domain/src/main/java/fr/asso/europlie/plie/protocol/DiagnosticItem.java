package fr.asso.europlie.plie.protocol;

/**
 * The six items of the shared PTI-PLIE diagnostic (items du diagnostic partagé).
 */
public enum DiagnosticItem {
    /** Les publics cibles. */
    TARGET_PUBLICS,
    /** L'analyse des besoins. */
    NEEDS_ANALYSIS,
    /** L'offre existante. */
    EXISTING_OFFER,
    /** Les conditions de sa mobilisation. */
    CONDITIONS_OF_MOBILISATION,
    /** Les manques en termes d'offre sur le territoire. */
    GAPS_IN_OFFER,
    /** Les projets à bâtir. */
    PROJECTS_TO_BUILD
}
