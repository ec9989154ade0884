package vn.hoclieu.harvest;

import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * What an administrator asked of the harvester cannot be done. Carries an HTTP status and a message
 * key, so that the API answers problem+json and the page a message, both in the caller's language.
 */
public class HarvestException extends ErrorResponseException {

    public HarvestException(HttpStatus status, String messageCode, Object... arguments) {
        super(status, ProblemDetail.forStatus(status), null, messageCode, arguments);
    }

    @Override
    public String getMessage() {
        return getDetailMessageCode() + " " + Arrays.toString(getDetailMessageArguments());
    }
}
