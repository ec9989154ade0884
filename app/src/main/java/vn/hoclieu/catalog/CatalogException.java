package vn.hoclieu.catalog;

import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Something a user asked of the catalog that cannot be done. Carries an HTTP status and a message
 * key (resolved in the user's language) so REST calls get a problem+json and pages a clear message.
 */
public class CatalogException extends ErrorResponseException {

    private final String messageCode;
    private final Object[] arguments;

    public CatalogException(HttpStatus status, String messageCode, Object... arguments) {
        super(status, ProblemDetail.forStatus(status), null, messageCode, arguments);
        this.messageCode = messageCode;
        this.arguments = arguments;
    }

    public String messageCode() {
        return messageCode;
    }

    public Object[] arguments() {
        return arguments;
    }

    @Override
    public String getMessage() {
        return messageCode + " " + Arrays.toString(arguments);
    }
}
