package vn.hoclieu.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.hoclieu.storage.UploadLimits;

/**
 * Errors raised before any controller is chosen (unknown address, wrong method, an upload over
 * the size limit) are problem+json under {@code /api}; elsewhere they fall through to the HTML
 * error page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRequestErrors {

    private final MessageSource messages;
    private final UploadLimits limits;
    private final CurrentUserAdvice currentUser;

    ApiRequestErrors(MessageSource messages, UploadLimits limits, CurrentUserAdvice currentUser) {
        this.messages = messages;
        this.limits = limits;
        this.currentUser = currentUser;
    }

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class, MaxUploadSizeExceededException.class, MultipartException.class,
            InvalidFileNameException.class, InvalidParameterException.class})
    Object beforeController(Exception e, HttpServletRequest request) throws Exception {
        boolean upload = e instanceof MultipartException || e instanceof InvalidFileNameException
                || e instanceof InvalidParameterException;
        int status = e instanceof MaxUploadSizeExceededException ? 413
                : e instanceof ErrorResponse er ? er.getStatusCode().value() : 400;
        Locale locale = LocaleContextHolder.getLocale();
        String code = "problemDetail." + e.getClass().getName();
        Object[] args = e instanceof ErrorResponse er ? er.getDetailMessageArguments(messages, locale) : null;
        if (e instanceof InvalidParameterException) {
            // Tomcat 11 refuses to hand out any field of a multipart request it could not parse (say, a part's headers too long)
            status = 400;
            code = "problemDetail." + MultipartException.class.getName();
            args = null;
        }
        if (e instanceof InvalidFileNameException) {
            code = "problem.upload.badFileName"; // the container refuses a NUL in a part's file name
            args = null;
        }
        if (e instanceof MaxUploadSizeExceededException) {
            code = UploadLimits.MESSAGE_CODE; // says what the limits are
            args = limits.messageArguments();
        }
        String detail = messages.getMessage(code, args, e.getMessage(), locale);
        if (!request.getRequestURI().startsWith("/api/")) {
            if (!upload) {
                throw e; // pages: the default resolvers and the localized error page take it from here
            }
            ModelAndView page = new ModelAndView(PageErrors.VIEW, Map.of("status", status, "userMessage", detail));
            currentUser.addHeader(page.getModel());
            page.setStatus(HttpStatus.valueOf(status));
            return page;
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e instanceof HttpRequestMethodNotSupportedException m && m.getSupportedHttpMethods() != null) {
            response.allow(m.getSupportedHttpMethods().toArray(HttpMethod[]::new));
        }
        return response.body(body);
    }
}
