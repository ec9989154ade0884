package vn.hoclieu.catalog;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A reason shown to people — why a file has no text, why an import item failed — stored as a
 * message code with its arguments, so that each reader gets it in their own language rather than
 * in the language of whoever happened to be processing the file.
 *
 * <p>The stored form is a marker, the code, and the arguments separated by a unit separator. It
 * may follow a plain prefix ({@code "FAILED: "} in a job's summary); text stored without the
 * marker is shown as it is.
 */
public final class Reason {

    private static final char MARKER = '\u001E';
    private static final char SEPARATOR = '\u001F';

    private Reason() {
    }

    /** The stored form of the message {@code code} with {@code arguments}. */
    public static String of(String code, Object... arguments) {
        StringBuilder stored = new StringBuilder().append(MARKER).append(code);
        for (Object argument : arguments) {
            String value = String.valueOf(argument).replace(MARKER, ' ').replace(SEPARATOR, ' ');
            stored.append(SEPARATOR).append(value);
        }
        return stored.toString();
    }

    /** The message code of a stored reason; null for null or for text stored without one. */
    public static String code(String stored) {
        int at = stored == null ? -1 : stored.indexOf(MARKER);
        if (at < 0) {
            return null;
        }
        int end = stored.indexOf(SEPARATOR, at);
        return stored.substring(at + 1, end < 0 ? stored.length() : end);
    }

    /** The reason as a person reads it in {@code locale}; null for null. */
    public static String text(String stored, MessageSource messages, Locale locale) {
        if (stored == null) {
            return null;
        }
        int at = stored.indexOf(MARKER);
        if (at < 0) {
            return stored;
        }
        String[] parts = stored.substring(at + 1).split(String.valueOf(SEPARATOR), -1);
        Object[] arguments = Arrays.copyOfRange(parts, 1, parts.length);
        String fallback = parts[0] + (arguments.length == 0 ? "" : " " + String.join(", ", Arrays.asList(parts).subList(1, parts.length)));
        return stored.substring(0, at) + messages.getMessage(parts[0], arguments, fallback, locale);
    }
}
