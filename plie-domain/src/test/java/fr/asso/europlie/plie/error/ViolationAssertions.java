package fr.asso.europlie.plie.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Test helpers shared by every package: an error has the expected code, and both its French
 * and English messages exist, differ, and name the field and the value.
 */
public final class ViolationAssertions {

    private ViolationAssertions() {
    }

    /**
     * Runs the call, expects a {@link PlieException} and checks its first violation.
     *
     * @param call the call that must fail
     * @param code the expected code
     * @param field the field the messages must name
     * @param value the value the messages must name
     * @return the exception, for further checks
     */
    public static PlieException assertRefused(ThrowingCallable call, ErrorCode code, String field, String value) {
        PlieException error = catchThrowableOfType(PlieException.class, call);
        assertThat(error).as("expected a refusal with code %s", code.code()).isNotNull();
        assertViolation(error, code, field, value);
        return error;
    }

    /**
     * Checks that an exception holds a violation with this code, field and value, and that its
     * messages are complete in both languages.
     *
     * @param error the exception
     * @param code the expected code
     * @param field the field
     * @param value the value
     */
    public static void assertViolation(PlieException error, ErrorCode code, String field, String value) {
        assertThat(error.violations())
                .as("violations of %s", error)
                .anySatisfy(v -> {
                    assertThat(v.code()).isEqualTo(code);
                    assertThat(v.field()).isEqualTo(field);
                    assertThat(v.value()).isEqualTo(value);
                    assertMessages(v);
                });
    }

    /**
     * Checks that a violation's French and English messages exist, differ, and show the field and the
     * value.
     *
     * @param v the violation
     */
    public static void assertMessages(Violation v) {
        String french = v.message(Messages.FRENCH);
        String english = v.message(Messages.ENGLISH);
        assertThat(Messages.has(v.code().bundle(), v.code().code(), Messages.FRENCH))
                .as("French message for %s", v.code().code()).isTrue();
        assertThat(Messages.has(v.code().bundle(), v.code().code(), Messages.ENGLISH))
                .as("English message for %s", v.code().code()).isTrue();
        assertThat(french).isNotEqualTo(english);
        assertThat(french).contains(v.field()).contains(v.value());
        assertThat(english).contains(v.field()).contains(v.value());
    }
}
