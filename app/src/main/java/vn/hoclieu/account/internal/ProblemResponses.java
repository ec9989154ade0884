package vn.hoclieu.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.LocaleResolver;

/**
 * RFC 9457 problem+json written by the security filters, which answer before Spring MVC (and its
 * error handling) sees the request; the detail is in the caller's language, chosen by the application's
 * own locale resolver as for every other answer (Spring MVC's is not yet at work in a filter).
 */
final class ProblemResponses {

    private final MessageSource messages;
    private final LocaleResolver locales;

    ProblemResponses(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String code, Object... arguments)
            throws IOException {
        String detail = message(request, code, arguments);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Hoclieu\", Bearer realm=\"Hoclieu\"");
        }
        String json = "{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\""
                + HttpStatus.valueOf(status).getReasonPhrase() + "\",\"detail\":\"" + jsonEscape(detail) + "\"}";
        response.getWriter().write(json);
    }

    /** The message in the caller's language. */
    String message(HttpServletRequest request, String code, Object... arguments) {
        return messages.getMessage(code, arguments, locales.resolveLocale(request));
    }

    private static String jsonEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
