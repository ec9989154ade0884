package vn.hoclieu.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hoclieu.account.internal.AccountSessions;
import vn.hoclieu.account.internal.ApiTokens;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;

/**
 * The signed-in person's own account: who they are, their password, their personal API tokens. A
 * new token is shown once, on the page that follows its creation, and never again.
 */
@Controller
class AccountController {

    static final String VIEW = "account/account";
    static final List<Integer> EXPIRY_DAYS = List.of(30, 90, 365);

    private final AccountService accounts;
    private final ApiTokens tokens;
    private final LibraryService libraries;
    private final AccountSessions sessions;

    AccountController(AccountService accounts, ApiTokens tokens, LibraryService libraries, AccountSessions sessions) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.libraries = libraries;
        this.sessions = sessions;
    }

    @GetMapping("/account")
    String page(Model model) {
        return page(model, new PasswordForm(), new TokenForm());
    }

    @PostMapping("/account/password")
    String changePassword(@ModelAttribute("passwordForm") PasswordForm form, BindingResult errors, Model model,
                          HttpServletRequest request, HttpServletResponse response) {
        if (form.getNewPassword() != null && !form.getNewPassword().equals(form.getConfirmation())) {
            errors.rejectValue("confirmation", "problem.password.mismatch");
            return page(model, form, new TokenForm());
        }
        try {
            Account changed = accounts.changePassword(me().accountId(), form.getCurrentPassword(), form.getNewPassword(),
                    request.getSession().getId());
            sessions.refresh(changed, request, response);
            return "redirect:/account?passwordChanged";
        } catch (AccountException e) {
            Forms.reject(errors, e);
            return page(model, form, new TokenForm());
        }
    }

    @PostMapping("/account/tokens")
    String createToken(@ModelAttribute("tokenForm") TokenForm form, BindingResult errors, Model model,
                       RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(model, new PasswordForm(), form); // a validity that is not a number
        }
        try {
            redirect.addFlashAttribute("newToken", tokens.create(me().accountId(), form.getName(), form.getExpiresInDays()));
            return "redirect:/account#tokens";
        } catch (AccountException e) {
            Forms.reject(errors, e);
            return page(model, new PasswordForm(), form);
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id) {
        tokens.revoke(me().accountId(), id);
        return "redirect:/account?revoked#tokens";
    }

    private String page(Model model, PasswordForm passwordForm, TokenForm tokenForm) {
        Account account = accounts.byId(me().accountId())
                .orElseThrow(() -> new AccountException(HttpStatus.NOT_FOUND, "problem.account.notFound",
                        me().accountId()));
        model.addAttribute("account", account);
        model.addAttribute("library", libraries.byId(account.getLibraryId()).map(LibraryView::name).orElse(null));
        model.addAttribute("tokens", tokens.list(account.getId()));
        model.addAttribute("expiryDays", EXPIRY_DAYS);
        model.addAttribute("minPasswordLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("passwordForm", passwordForm);
        model.addAttribute("tokenForm", tokenForm);
        return VIEW;
    }

    private Viewer me() {
        return accounts.currentViewer();
    }
}
