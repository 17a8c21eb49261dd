package fr.asso.europlie.plie.governance;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.organisation.Identifiers;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A member of a committee (membre): a person representing an organisation, at the elected or the
 * technical level, possibly with a role such as {@code président} or {@code vice-présidente}.
 *
 * <p>A person is identified by name and organisation ({@link #samePerson(Member)}): the same
 * person listed twice on a committee, even with another role, is a duplicate.
 *
 * @param name the person's name, not blank
 * @param organisation the organisation represented, not null
 * @param level elected or technical, not null
 * @param role the role on the committee, if any; null is read as empty; not blank when present
 */
public record Member(String name, OrganisationId organisation, Level level, Optional<String> role) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-GOVERNANCE-001}) with every missing or blank
     *     component
     */
    public Member {
        role = role == null ? Optional.empty() : role;
        List<Violation> violations = new ArrayList<>();
        if (Identifiers.looksBlank(name)) {
            violations.add(Violation.of(GovernanceError.REQUIRED, "member.name", name));
        }
        if (organisation == null) {
            violations.add(Violation.of(GovernanceError.REQUIRED, "member.organisation", null));
        }
        if (level == null) {
            violations.add(Violation.of(GovernanceError.REQUIRED, "member.level", null));
        }
        if (role.isPresent() && role.get().isBlank()) {
            violations.add(Violation.of(GovernanceError.REQUIRED, "member.role", role.get()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
    }

    /**
     * An elected member without a role.
     *
     * @param name the person's name
     * @param organisation the organisation represented
     * @return the member
     * @throws InvalidValueException ({@code PLIE-GOVERNANCE-001}) when a value is missing
     */
    public static Member elected(String name, OrganisationId organisation) {
        return new Member(name, organisation, Level.ELECTED, Optional.empty());
    }

    /**
     * A technical member without a role.
     *
     * @param name the person's name
     * @param organisation the organisation represented
     * @return the member
     * @throws InvalidValueException ({@code PLIE-GOVERNANCE-001}) when a value is missing
     */
    public static Member technical(String name, OrganisationId organisation) {
        return new Member(name, organisation, Level.TECHNICAL, Optional.empty());
    }

    /**
     * The same member with a role.
     *
     * @param role such as {@code président}, not blank
     * @return a new member
     * @throws InvalidValueException ({@code PLIE-GOVERNANCE-001}) when blank or null
     */
    public Member withRole(String role) {
        if (role == null) {
            throw new InvalidValueException(GovernanceError.REQUIRED, "member.role", null);
        }
        return new Member(name, organisation, level, Optional.of(role));
    }

    /**
     * Whether this is the same person as another member: same name as people read it
     * ({@link Identifiers#samePerson}: invisible characters, spacing and case aside), same
     * organisation.
     *
     * @param other another member; null gives false
     * @return true for the same person, whatever the level or role
     */
    public boolean samePerson(Member other) {
        return other != null && Identifiers.samePerson(name, other.name) && organisation.equals(other.organisation);
    }

    @Override
    public String toString() {
        return name + " (" + organisation + ")";
    }
}
