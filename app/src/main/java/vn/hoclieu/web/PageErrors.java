package vn.hoclieu.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Errors on pages render the localized error page with the module's message. */
@ControllerAdvice(annotations = Controller.class)
@Order(2)
class PageErrors {

    static final String VIEW = "error";

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ErrorResponseException.class)
    String userError(ErrorResponseException e, Model model, HttpServletResponse response) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("status", e.getStatusCode().value());
        model.addAttribute("userMessage", messages.getMessage(e.getDetailMessageCode(), e.getDetailMessageArguments(),
                e.getBody().getDetail(), LocaleContextHolder.getLocale()));
        return VIEW;
    }
}
