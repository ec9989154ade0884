package vn.hoclieu.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Errors on pages render the localized error page with the module's message, under the header of
 * whoever is signed in: an exception handler's model gets none of the {@code @ModelAttribute}s
 * the header reads, so they are added here, or the page would show its reader signed out.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(2)
class PageErrors {

    static final String VIEW = "error";

    private final MessageSource messages;
    private final BadParameters badParameters;
    private final CurrentUserAdvice currentUser;

    PageErrors(MessageSource messages, BadParameters badParameters, CurrentUserAdvice currentUser) {
        this.messages = messages;
        this.badParameters = badParameters;
        this.currentUser = currentUser;
    }

    @ExceptionHandler(ErrorResponseException.class)
    String userError(ErrorResponseException e, Model model, HttpServletResponse response) {
        return page(e.getStatusCode().value(), messages.getMessage(e.getDetailMessageCode(),
                e.getDetailMessageArguments(), e.getBody().getDetail(), LocaleContextHolder.getLocale()),
                model, response);
    }

    /** An address whose parameter is not of its kind ({@code ?page=abc}): which one, and what it takes. */
    @ExceptionHandler(TypeMismatchException.class)
    String badParameter(TypeMismatchException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST.value(), badParameters.explain(e, LocaleContextHolder.getLocale()),
                model, response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String missingParameter(MissingServletRequestParameterException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST.value(), badParameters.explain(e, LocaleContextHolder.getLocale()),
                model, response);
    }

    private String page(int status, String message, Model model, HttpServletResponse response) {
        response.setStatus(status);
        currentUser.addHeader(model.asMap());
        model.addAttribute("status", status);
        model.addAttribute("userMessage", message);
        return VIEW;
    }
}
