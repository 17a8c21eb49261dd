package fr.asso.europlie.plie.error;

/**
 * A reading limit that a system property may change (limite réglable): the JSON and CSV readers'
 * limits read their properties through this one rule, so that a bad setting is refused the same
 * way everywhere.
 */
public final class LimitProperty {

    private LimitProperty() {
    }

    /**
     * The value of a limit: its system property when set, else the built-in value.
     *
     * @param property the system property, such as {@code plie.json.maxNestingDepth}, not null
     * @param builtIn the value when the property is not set
     * @param most the largest value accepted
     * @param code the code of a bad setting, whose message takes the field, the value and what
     *     was expected
     * @return the limit
     * @throws InvalidValueException with {@code code} when the property is not a whole number
     *     between 1 and {@code most}
     */
    public static long value(String property, long builtIn, long most, ErrorCode code) {
        String text = System.getProperty(property);
        if (text == null || text.isBlank()) {
            return builtIn;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= 1 && value <= most) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidValueException(code, property, text, "1.." + most);
    }
}
