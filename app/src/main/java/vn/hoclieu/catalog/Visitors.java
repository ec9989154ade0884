package vn.hoclieu.catalog;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;

/** Who is looking, as far as counting uses needs: the session if there is one, else address and browser. */
final class Visitors {

    private Visitors() {
    }

    static String of(WebRequest request) {
        HttpServletRequest http = request instanceof NativeWebRequest n ? n.getNativeRequest(HttpServletRequest.class) : null;
        if (http == null) {
            return "unknown";
        }
        HttpSession session = http.getSession(false); // never create one just to count
        if (session != null) {
            return "s:" + session.getId();
        }
        String agent = http.getHeader("User-Agent");
        return "a:" + http.getRemoteAddr() + ":" + (agent == null ? 0 : agent.hashCode());
    }
}
