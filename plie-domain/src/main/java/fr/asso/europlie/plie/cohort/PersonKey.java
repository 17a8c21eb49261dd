package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.organisation.Identifiers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The key that tells that two identities are the same person (clé de personne): a SHA-256 digest of
 * the last name, first name and birth date, compared without regard to case, accents or spacing.
 * It is derived from the identity and kept with it, apart from the pathway, so that erasing the
 * identity erases the key too.
 *
 * @param value 64 lower-case hexadecimal digits
 */
public record PersonKey(String value) {

    /**
     * Checks the value.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when it is not 64 hexadecimal digits
     */
    public PersonKey {
        Checks checks = new Checks();
        if (checks.required(value, "personKey")) {
            checks.check(value.matches("[0-9a-f]{64}"), CohortError.MALFORMED, "personKey", value, "[0-9a-f]{64}");
        }
        checks.throwIfInvalid();
    }

    /**
     * The key of an identity.
     *
     * @param identity the identity, not null
     * @return the key
     */
    public static PersonKey of(PersonalData identity) {
        Objects.requireNonNull(identity, "identity");
        String text = normalise(identity.lastName()) + "|" + normalise(identity.firstName()) + "|" + identity.birthDate();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return new PersonKey(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The combining marks left by the decomposition (the accents), compiled once rather than at each key. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    /** Runs of spaces, apostrophes and hyphens, compiled once. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s'\u2019-]+");

    private static String normalise(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(Identifiers.normalise(name), Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(plain).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value.substring(0, 12) + "…";
    }
}
