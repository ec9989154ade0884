package vn.hoclieu.web;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The sentence for a request parameter that could not be used: which one, what it held, and what
 * it should hold ("Tham số “page” có giá trị không hợp lệ: “abc”. Cần một số nguyên, ví dụ 2."),
 * for the error page and for problem+json alike.
 */
@Component
class BadParameters {

    private final MessageSource messages;

    BadParameters(MessageSource messages) {
        this.messages = messages;
    }

    /** For a value that is not of the parameter's type. */
    String explain(TypeMismatchException e, Locale locale) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return messages.getMessage("problem.badParameter",
                new Object[] {name, e.getValue(), expected(e.getRequiredType(), locale)}, locale);
    }

    /** For a parameter the address must carry and did not. */
    String explain(MissingServletRequestParameterException e, Locale locale) {
        return messages.getMessage("problemDetail." + MissingServletRequestParameterException.class.getName(),
                new Object[] {e.getParameterName()}, locale);
    }

    /** What a value of {@code type} looks like, in a few words. */
    private String expected(Class<?> type, Locale locale) {
        if (type == null) {
            return messages.getMessage("expected.other", null, locale);
        }
        if (type.isEnum()) {
            String values = Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return messages.getMessage("expected.oneOf", new Object[] {values}, locale);
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class) {
            return messages.getMessage("expected.integer", null, locale);
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return messages.getMessage("expected.number", null, locale);
        }
        if (type == boolean.class || type == Boolean.class) {
            return messages.getMessage("expected.boolean", null, locale);
        }
        if (type == LocalDate.class) {
            return messages.getMessage("expected.date", null, locale);
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return messages.getMessage("expected.dateTime", null, locale);
        }
        return messages.getMessage("expected.other", null, locale);
    }
}
