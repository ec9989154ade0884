package vn.hoclieu.reading;

import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Something asked of a reading programme that cannot be done: an HTTP status and a message key
 * (resolved in the reader's language), and the form field it is about when there is one, so that a
 * page shows the message beside what the person typed.
 */
public class ReadingException extends ErrorResponseException {

    private final String messageCode;
    private final Object[] arguments;
    private final String field;

    public ReadingException(HttpStatus status, String messageCode, Object... arguments) {
        this(null, status, messageCode, arguments);
    }

    ReadingException(String field, HttpStatus status, String messageCode, Object... arguments) {
        super(status, ProblemDetail.forStatus(status), null, messageCode, arguments);
        this.messageCode = messageCode;
        this.arguments = arguments;
        this.field = field;
    }

    public String messageCode() {
        return messageCode;
    }

    public Object[] arguments() {
        return arguments;
    }

    /** The form field the problem is about, or null. */
    public String field() {
        return field;
    }

    @Override
    public String getMessage() {
        return messageCode + " " + Arrays.toString(arguments);
    }
}
