package vn.hoclieu.search;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A query that cannot be answered as asked; its message key is shown in the user's language. */
public class SearchException extends ErrorResponseException {

    private final String messageCode;
    private final Object[] arguments;

    public SearchException(String messageCode, Object... arguments) {
        super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null, messageCode, arguments);
        this.messageCode = messageCode;
        this.arguments = arguments;
    }

    public String messageCode() {
        return messageCode;
    }

    public Object[] arguments() {
        return arguments;
    }
}
