package vn.hoclieu.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Viewer;

/** Puts the viewer in every page's model, for the header (sign in / register / account / sign out, upload link). */
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
}
