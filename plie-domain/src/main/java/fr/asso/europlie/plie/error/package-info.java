/**
 * Errors (erreurs): stable codes, violations naming the field and the value, and their messages
 * in French (default) and English.
 *
 * <p>Two channels: {@link fr.asso.europlie.plie.error.InvalidValueException} for an impossible
 * value, {@link fr.asso.europlie.plie.error.RuleViolationException} for a business refusal.
 * Both carry every {@link fr.asso.europlie.plie.error.Violation} found, not only the first.
 */
package fr.asso.europlie.plie.error;
