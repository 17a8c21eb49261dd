package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;

/**
 * The identity of a participant (données d'identité), kept apart from the pathway in the
 * {@link PersonalDataVault} and erased on request. Every field is personal data; none appears in a
 * pseudonymised export.
 *
 * @param lastName the last name, not blank
 * @param firstName the first name, not blank
 * @param birthDate the birth date, not null (ages at entry are computed from it, then only the age is kept)
 * @param address the postal address, or null
 * @param email the e-mail address, or null
 * @param phone the phone number, or null
 * @param externalId an identifier in a partner's system (France Travail, CAF), or null
 */
public record PersonalData(String lastName, String firstName, LocalDate birthDate, String address, String email, String phone,
        String externalId) {

    /**
     * Checks the components; blank optional fields become null.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when a name or the birth date is missing
     */
    public PersonalData {
        Checks checks = new Checks();
        checks.required(lastName, "personal.lastName");
        checks.required(firstName, "personal.firstName");
        checks.required(birthDate, "personal.birthDate");
        checks.throwIfInvalid();
        address = blankToNull(address);
        email = blankToNull(email);
        phone = blankToNull(phone);
        externalId = blankToNull(externalId);
        birthDate = Canonical.day(birthDate);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * A person known by name and birth date only.
     *
     * @param lastName the last name
     * @param firstName the first name
     * @param birthDate the birth date
     * @return the identity
     */
    public static PersonalData of(String lastName, String firstName, LocalDate birthDate) {
        return new PersonalData(lastName, firstName, birthDate, null, null, null, null);
    }
}
