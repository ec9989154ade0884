package vn.hoclieu.account;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Readers create their own account (always a reader, with no library); teachers and librarians are
 * created by an administrator. Every problem is shown beside its field and what was typed stays,
 * except the passwords. Then the sign-in page, with a notice.
 */
@Controller
class RegisterController {

    static final String VIEW = "account/register";

    private final AccountService accounts;

    RegisterController(AccountService accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("minPasswordLength")
    int minPasswordLength() {
        return PasswordPolicy.MIN_LENGTH;
    }

    @GetMapping("/register")
    String form(@ModelAttribute("form") RegistrationForm form) {
        open();
        return accounts.currentViewer().signedIn() ? "redirect:/account" : VIEW;
    }

    @PostMapping("/register")
    String register(@ModelAttribute("form") RegistrationForm form, BindingResult errors) {
        open();
        List<AccountException.Problem> problems = new ArrayList<>(
                accounts.registrationProblems(form.getUsername(), form.getDisplayName(), form.getPassword()));
        if (form.getPassword() != null && !form.getPassword().equals(form.getConfirmation())) {
            problems.add(new AccountException.Problem("confirmation", "problem.password.mismatch"));
        }
        try {
            if (problems.isEmpty()) {
                accounts.register(form.getUsername(), form.getDisplayName(), form.getPassword());
                return "redirect:/signin?registered";
            }
            Forms.reject(errors, new AccountException(HttpStatus.BAD_REQUEST, problems));
        } catch (AccountException e) {
            Forms.reject(errors, e); // the name was taken a moment ago
        }
        return VIEW;
    }

    private void open() {
        if (!accounts.selfRegistrationOpen()) {
            throw new AccountException(HttpStatus.NOT_FOUND, "problem.account.registrationClosed");
        }
    }
}
