package fr.asso.europlie.plie.protocol;

import java.util.EnumSet;
import java.util.Set;

/**
 * The missions of the animation team (missions de l'équipe d'animation), negotiated with all the
 * signatories and not only with the OI. Three are inseparable pillars: the organisation of
 * pathway management, the mobilisation of economic actors, and engineering.
 */
public enum AnimationMission {
    /** Animation and technical coordination of the actors of the pathways. */
    TECHNICAL_COORDINATION,
    /** Organisation of pathway management, accompaniment included (pillar). */
    PATHWAY_MANAGEMENT,
    /** Mobilisation of social actors. */
    SOCIAL_ACTORS,
    /** Mobilisation of economic actors (pillar). */
    ECONOMIC_ACTORS,
    /** Animation of the insertion clause in public and private procurement. */
    INSERTION_CLAUSE,
    /** Financial, social and professional engineering (pillar). */
    ENGINEERING,
    /** Ongoing evaluation of the plan. */
    EVALUATION,
    /** Management of European funds as beneficiary or as OI. */
    EUROPEAN_FUNDS;

    /** The three pillars that must not be separated. */
    public static final Set<AnimationMission> PILLARS = EnumSet.of(PATHWAY_MANAGEMENT, ECONOMIC_ACTORS, ENGINEERING);
}
