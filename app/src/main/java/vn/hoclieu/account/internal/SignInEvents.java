package vn.hoclieu.account.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Feeds the {@link SignInThrottle} from Spring Security's own events, which the web form and HTTP
 * Basic both raise: every failed password check counts (also for a disabled account, which tells a
 * guesser nothing), every successful one clears its name.
 */
@Component
class SignInEvents {

    private final SignInThrottle throttle;

    SignInEvents(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        throttle.failed(attempt.getName(), address(attempt));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }

    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
