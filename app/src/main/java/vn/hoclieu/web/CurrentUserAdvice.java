package vn.hoclieu.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Viewer;

/** Puts the viewer in every page's model, for the header (sign in / register / account / sign out, work pages). */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    private final AccountService accounts;

    CurrentUserAdvice(AccountService accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        return accounts.currentViewer();
    }

    @ModelAttribute("selfRegistration")
    boolean selfRegistration() {
        return accounts.selfRegistrationOpen();
    }

    /** What the header reads, for a page an exception handler writes (its model has no model attributes). */
    void addHeader(Map<String, Object> model, HttpServletRequest request) {
        model.put("viewer", viewer());
        model.put("selfRegistration", selfRegistration());
        model.put("languageLinks", LanguageLinks.links(request));
    }
}
