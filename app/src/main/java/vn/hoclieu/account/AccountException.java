package vn.hoclieu.account;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * What was asked of an account cannot be done. Carries every problem found (a form shows each beside
 * its field) and the first one as the message code of the problem+json detail an API caller reads.
 */
public class AccountException extends ErrorResponseException {

    /**
     * One reason, for one form field (or none).
     *
     * @param field the form field it concerns ({@code username}, {@code password}, …), or null
     * @param code  the message key
     */
    public record Problem(String field, String code, Object... arguments) {
    }

    private final transient List<Problem> problems;

    public AccountException(HttpStatus status, List<Problem> problems) {
        super(status, ProblemDetail.forStatus(status), null, problems.get(0).code(), problems.get(0).arguments());
        this.problems = List.copyOf(problems);
    }

    public AccountException(HttpStatus status, String code, Object... arguments) {
        this(status, List.of(new Problem(null, code, arguments)));
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String getMessage() {
        return problems.stream().map(Problem::code).toList().toString();
    }
}
