package fr.asso.europlie.plie.cohort;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces participants' identifiers by keyed pseudonyms for reporting exports (pseudonymisation):
 * HMAC-SHA256 of the identifier with a secret key, so that the same participant always gets the
 * same pseudonym under the same key, and nobody without the key can link a pseudonym back.
 */
public final class Pseudonymiser {

    private final SecretKeySpec key;

    /**
     * Creates a pseudonymiser.
     *
     * @param secret the secret key, at least 16 bytes; keep it out of the exports
     * @throws IllegalArgumentException when the key is shorter than 16 bytes
     */
    public Pseudonymiser(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 16) {
            throw new IllegalArgumentException("the pseudonymisation key must have at least 16 bytes: " + secret.length);
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /**
     * The pseudonym of a participant.
     *
     * @param id the participant's identifier, not null
     * @return {@code X-} followed by 24 hexadecimal digits
     */
    public ParticipantId pseudonym(ParticipantId id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(id.value().getBytes(StandardCharsets.UTF_8));
            return ParticipantId.of("X-" + HexFormat.of().formatHex(digest, 0, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
