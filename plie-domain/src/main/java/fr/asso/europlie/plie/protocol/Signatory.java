package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.territory.DepartmentCode;

/**
 * A signatory of the protocol (membre signataire): an organisation, its kind, and the body that
 * deliberates for it (the Département's standing commission, the EPCI council, the prefect...).
 *
 * <p>The Département is flagged as insertion lead (chef de file de l'insertion) and is always
 * mandatory; another signatory may be declared non-mandatory, which lets it withdraw during the
 * deliberations.
 *
 * <p>A signatory of the {@link SignatoryKind#DEPARTMENT Département} kind carries its
 * {@link DepartmentCode} (and only it does): the protocol's policies compare it with the
 * territory's Départements, so that a Département foreign to the territory cannot lead, sit on the
 * steering committee as the Département, or own the PTI.
 *
 * @param id the organisation, not null
 * @param kind its kind, not null
 * @param name its name, not blank
 * @param deliberatingBody the body that deliberates for it, not blank
 * @param insertionLead whether it is the insertion lead (only a Département may be)
 * @param mandatory whether the protocol cannot go on without it
 * @param department the Département's INSEE code: required for the Département kind, null for
 *     every other kind
 */
public record Signatory(OrganisationId id, SignatoryKind kind, String name, String deliberatingBody,
                        boolean insertionLead, boolean mandatory, DepartmentCode department) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-PROTOCOL-001}) when a component is missing,
     *     ({@code PLIE-PROTOCOL-016}) when a non-Département is flagged as insertion lead,
     *     ({@code PLIE-PROTOCOL-032}) when a Département has no code or another kind has one
     */
    public Signatory {
        if (id == null) {
            throw new InvalidValueException(ProtocolError.BLANK, "signatory.id", null);
        }
        if (kind == null) {
            throw new InvalidValueException(ProtocolError.BLANK, "signatory.kind", null);
        }
        if (name == null || name.isBlank()) {
            throw new InvalidValueException(ProtocolError.BLANK, "signatory.name", name);
        }
        if (deliberatingBody == null || deliberatingBody.isBlank()) {
            throw new InvalidValueException(ProtocolError.BLANK, "signatory.deliberatingBody", deliberatingBody);
        }
        if (insertionLead && kind != SignatoryKind.DEPARTMENT) {
            throw new InvalidValueException(ProtocolError.INSERTION_LEAD_IS_DEPARTMENT, "signatory.insertionLead", id, kind);
        }
        if ((kind == SignatoryKind.DEPARTMENT) != (department != null)) {
            throw new InvalidValueException(ProtocolError.DEPARTMENT_CODE, "signatory.department", department, id, kind);
        }
        if (kind == SignatoryKind.DEPARTMENT) {
            mandatory = true;
        }
    }

    /**
     * A Département as insertion lead, always mandatory.
     *
     * @param id its organisation id
     * @param code its INSEE code, such as {@code 24}
     * @param name its name
     * @param deliberatingBody its deliberating body
     * @return the signatory
     * @throws InvalidValueException ({@code PLIE-PROTOCOL-001}, {@code -032}) when a value is missing
     */
    public static Signatory department(OrganisationId id, DepartmentCode code, String name, String deliberatingBody) {
        return new Signatory(id, SignatoryKind.DEPARTMENT, name, deliberatingBody, true, true, code);
    }

    /**
     * A mandatory signatory of any kind but the insertion lead.
     *
     * @param id its organisation id
     * @param kind its kind
     * @param name its name
     * @param deliberatingBody its deliberating body
     * @return the signatory
     */
    public static Signatory of(OrganisationId id, SignatoryKind kind, String name, String deliberatingBody) {
        return new Signatory(id, kind, name, deliberatingBody, false, true, null);
    }

    /**
     * The same signatory, declared non-mandatory (it may withdraw during deliberations).
     *
     * @return the copy
     */
    public Signatory optional() {
        return new Signatory(id, kind, name, deliberatingBody, insertionLead, false, department);
    }
}
