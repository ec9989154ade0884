package vn.hoclieu.web;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Boot's error attributes, plus the sentence for the person that whoever refused the request left
 * in the request (the security filters do, for a refused form or page: they answer before any
 * controller, so {@link PageErrors} never sees those refusals). The error page shows it.
 */
@Component
class ErrorPageAttributes extends DefaultErrorAttributes {

    /** Set by {@code vn.hoclieu.account.internal.RefusalPages}. */
    static final String USER_MESSAGE = "hoclieu.error.userMessage";

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object message = request.getAttribute(USER_MESSAGE, RequestAttributes.SCOPE_REQUEST);
        if (message instanceof String text) {
            attributes.put("userMessage", text);
        }
        return attributes;
    }
}
