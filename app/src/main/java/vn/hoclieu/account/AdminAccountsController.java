package vn.hoclieu.account;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hoclieu.library.LibraryService;

/**
 * Administrators manage accounts (security lets only them in): a list by user name, a page per
 * account, new accounts and password resets whose temporary password is shown once, on the page that
 * follows, and must be replaced at the first sign-in.
 */
@Controller
class AdminAccountsController {

    static final String LIST_VIEW = "account/admin-accounts";
    static final String NEW_VIEW = "account/admin-account-new";
    static final String EDIT_VIEW = "account/admin-account";
    static final int PAGE_SIZE = 50;

    private final AccountAdministration admin;
    private final LibraryService libraries;

    AdminAccountsController(AccountAdministration admin, LibraryService libraries) {
        this.admin = admin;
        this.libraries = libraries;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("libraries", libraries.all());
        // accounts hold a library's code; the list names the library
        model.addAttribute("libraryNames", libraries.namesByCode());
    }

    @GetMapping("/admin/accounts")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<AccountView> accounts = admin.page(page, PAGE_SIZE);
        model.addAttribute("accounts", accounts);
        return LIST_VIEW;
    }

    @GetMapping("/admin/accounts/new")
    String newForm(@RequestParam(required = false) String library, @RequestParam(required = false) Role role,
                   Model model) {
        // a library's admin page links here to create its librarians: the library and role come chosen
        AdminAccountForm form = new AdminAccountForm();
        form.setRole(role == null ? Role.READER : role);
        form.setLibrary(library);
        model.addAttribute("form", form);
        return NEW_VIEW;
    }

    @PostMapping("/admin/accounts")
    String create(@ModelAttribute("form") AdminAccountForm form, BindingResult errors, RedirectAttributes redirect) {
        try {
            AccountAdministration.WithPassword created = admin.create(form.getUsername(), form.getDisplayName(),
                    form.getRole(), form.getLibrary());
            redirect.addFlashAttribute("temporaryPassword", created.temporaryPassword());
            return "redirect:/admin/accounts/" + created.account().id() + "?created";
        } catch (AccountException e) {
            Forms.reject(errors, e);
            return NEW_VIEW;
        }
    }

    @GetMapping("/admin/accounts/{id}")
    String show(@PathVariable long id, Model model) {
        AccountView account = admin.get(id);
        model.addAttribute("account", account);
        model.addAttribute("form", AdminAccountForm.of(account));
        return EDIT_VIEW;
    }

    @PostMapping("/admin/accounts/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") AdminAccountForm form, BindingResult errors,
                  Model model) {
        try {
            admin.update(id, form.getDisplayName(), form.getRole(), form.getLibrary() == null ? "" : form.getLibrary(),
                    null);
            return "redirect:/admin/accounts/" + id + "?saved";
        } catch (AccountException e) {
            Forms.reject(errors, e);
            model.addAttribute("account", admin.get(id));
            return EDIT_VIEW;
        }
    }

    @PostMapping("/admin/accounts/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            admin.update(id, null, null, null, enabled);
            return "redirect:/admin/accounts/" + id + (enabled ? "?enabled" : "?disabled");
        } catch (AccountException e) {
            redirect.addFlashAttribute("problem", e.problems().get(0).code());
            return "redirect:/admin/accounts/" + id;
        }
    }

    @PostMapping("/admin/accounts/{id}/password-reset")
    String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("temporaryPassword", admin.resetPassword(id).temporaryPassword());
        return "redirect:/admin/accounts/" + id + "?reset";
    }
}
