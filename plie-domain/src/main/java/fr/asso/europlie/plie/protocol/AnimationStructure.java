package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The animation structure of the plan (structure d'animation et de gestion): the association or
 * local authority mandated to run it, and the missions of its team.
 *
 * @param id the organisation, not null
 * @param name its name, not blank
 * @param form its legal form, not null
 * @param missions the missions negotiated with the signatories, copied, never null
 */
public record AnimationStructure(OrganisationId id, String name, Form form, Set<AnimationMission> missions) {

    /** The legal form of the structure. */
    public enum Form {
        /** An association. */
        ASSOCIATION,
        /** A local authority (collectivité) or its grouping. */
        LOCAL_AUTHORITY,
        /** Another form (GIP, maison de l'emploi...). */
        OTHER
    }

    /**
     * Checks and copies the components.
     *
     * @throws InvalidValueException ({@code PLIE-PROTOCOL-001}) when a component is missing
     */
    public AnimationStructure {
        if (id == null) {
            throw new InvalidValueException(ProtocolError.BLANK, "animationStructure.id", null);
        }
        if (name == null || name.isBlank()) {
            throw new InvalidValueException(ProtocolError.BLANK, "animationStructure.name", name);
        }
        if (form == null) {
            throw new InvalidValueException(ProtocolError.BLANK, "animationStructure.form", null);
        }
        missions = Collections.unmodifiableSet(missions == null || missions.isEmpty()
                ? EnumSet.noneOf(AnimationMission.class) : EnumSet.copyOf(missions));
    }
}
