package vn.hoclieu.account.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed sign-in goes back to the sign-in form, which says so and keeps the user name that was
 * typed (never the password): the name travels in the session, not the address, so it stays out of
 * logs and browser history, and the form takes it once.
 */
public final class SignInFailures extends SimpleUrlAuthenticationFailureHandler {

    private static final String USERNAME = SignInFailures.class.getName() + ".username";
    /** Longer than any user name ({@code AccountService} allows 100 characters). */
    private static final int MAX_KEPT = 200;

    SignInFailures() {
        super("/signin?error");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        String typed = request.getParameter("username");
        if (typed != null && !typed.isBlank()) {
            request.getSession().setAttribute(USERNAME, typed.length() > MAX_KEPT ? typed.substring(0, MAX_KEPT) : typed);
        }
        super.onAuthenticationFailure(request, response, exception);
    }

    /** The user name of the sign-in that just failed in this session, once; null when none. */
    public static String takeUsername(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object typed = session.getAttribute(USERNAME);
        session.removeAttribute(USERNAME);
        return typed instanceof String name ? name : null;
    }
}
