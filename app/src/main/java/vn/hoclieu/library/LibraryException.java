package vn.hoclieu.library;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A library that cannot be registered or found as asked. Carries a status and a message key, so the
 * API answers problem+json and the pages a message, both in the reader's language.
 *
 * @param field the form field the problem is about, or null
 */
public class LibraryException extends ErrorResponseException {

    private final String messageCode;
    private final String field;
    private final Object[] arguments;

    public LibraryException(HttpStatus status, String field, String messageCode, Object... arguments) {
        super(status, ProblemDetail.forStatus(status), null, messageCode, arguments);
        this.messageCode = messageCode;
        this.field = field;
        this.arguments = arguments;
    }

    public String messageCode() {
        return messageCode;
    }

    public String field() {
        return field;
    }

    public Object[] arguments() {
        return arguments;
    }
}
