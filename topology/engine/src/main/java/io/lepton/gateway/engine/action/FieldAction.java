package io.lepton.gateway.engine.action;

import org.apache.avro.Schema;

/**
 * One transformation of a personal-data value, applied to structured fields and, where it makes sense, to PII found
 * inside free text.
 *
 * <p>An action also states its effect on the schema ({@link #outputType}), which is how the sanitized schema is
 * derived from the raw schema and the policy instead of being written by hand.
 */
public interface FieldAction {

    /**
     * The sanitized type for a raw value of type {@code input} (never a union: nullability is handled by the caller),
     * or {@code null} when the field is removed.
     *
     * @throws IllegalArgumentException when the action cannot apply to values of that type
     */
    Schema outputType(Schema input);

    /** The sanitized value of a non-null raw value. */
    Object apply(Object value);

    /** Whether the action can replace a match inside free text. */
    default boolean appliesToText() {
        return true;
    }

    /** The replacement for {@code match} found in free text (only when {@link #appliesToText()}). */
    default String applyToText(String match) {
        return String.valueOf(apply(match));
    }

    /** The policy name of this action, for audit records and explanations. */
    String name();

    /** Fails with a uniform message when {@code input} is not one of the {@code accepted} types. */
    static void requireType(String action, Schema input, Schema.Type... accepted) {
        for (Schema.Type type : accepted) {
            if (input.getType() == type) {
                return;
            }
        }
        throw new IllegalArgumentException(action + " cannot apply to a field of type " + input.getType()
                + " (accepts " + java.util.Arrays.toString(accepted) + ")");
    }
}
