package vn.hoclieu.web;

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

    /**
     * Who is signed in, for a page an exception handler writes (its model has no model attributes).
     * The language links stay the layout's plain {@code ?lang=}: an error page does not repeat the
     * address's query, which may hold what the refused request searched for.
     */
    void addHeader(Map<String, Object> model) {
        model.put("viewer", viewer());
        model.put("selfRegistration", selfRegistration());
    }
}
