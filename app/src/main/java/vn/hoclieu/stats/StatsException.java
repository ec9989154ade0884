package vn.hoclieu.stats;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request for statistics that cannot be answered as asked; the message code says why, in the reader's language. */
public class StatsException extends ErrorResponseException {

    public StatsException(HttpStatus status, String messageCode, Object... arguments) {
        super(status, ProblemDetail.forStatus(status), null, messageCode, arguments);
    }
}
