package vn.hoclieu.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.Account;

/**
 * The browser sessions of each account, so that disabling an account, changing its role or resetting
 * its password takes effect at once rather than when the person next signs in. An ended session is
 * refused at its next request (Spring Security's {@code ConcurrentSessionFilter}) and signs in again.
 */
@Component
public class AccountSessions {

    private final SessionRegistry registry;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Ends every session of the account except {@code keepSessionId} (null: all of them). */
    public void end(long accountId, String keepSessionId) {
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof AccountPrincipal p && Objects.equals(p.viewer().accountId(), accountId)) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    if (!session.getSessionId().equals(keepSessionId)) {
                        session.expireNow();
                    }
                }
            }
        }
    }

    /** The current request's session carries the account as it is now (after a password change, say). */
    public void refresh(Account account, HttpServletRequest request, HttpServletResponse response) {
        AccountPrincipal principal = AccountPrincipal.of(account);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        if (request.getSession(false) != null) {
            registry.registerNewSession(request.getSession().getId(), principal);
        }
    }
}
