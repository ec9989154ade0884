package vn.hoclieu.account;

import java.net.URI;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/accounts}: account management for administrators (security lets only them in). */
@RestController
@RequestMapping("/api/v1")
class AdminAccountApiController {

    /** One page of accounts, by user name. */
    record AccountPage(long total, int page, int size, List<AccountView> items) {
    }

    private final AccountAdministration admin;

    AdminAccountApiController(AccountAdministration admin) {
        this.admin = admin;
    }

    @GetMapping("/admin/accounts")
    AccountPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Page<AccountView> found = admin.page(page, size);
        return new AccountPage(found.getTotalElements(), found.getNumber(), found.getSize(), found.getContent());
    }

    @GetMapping("/admin/accounts/{id}")
    AccountView get(@PathVariable long id) {
        return admin.get(id);
    }

    /** 201 with the account and its temporary password, shown this once. */
    @PostMapping("/admin/accounts")
    ResponseEntity<AccountAdministration.WithPassword> create(@RequestBody AdminAccountForm form) {
        AccountAdministration.WithPassword created = admin.create(form.getUsername(), form.getDisplayName(),
                form.getRole(), form.getLibrary());
        return ResponseEntity.created(URI.create("/api/v1/admin/accounts/" + created.account().id())).body(created);
    }

    @PatchMapping("/admin/accounts/{id}")
    AccountView update(@PathVariable long id, @RequestBody AdminAccountForm form) {
        return admin.update(id, form.getDisplayName(), form.getRole(), form.getLibrary(), form.getEnabled());
    }

    @PostMapping("/admin/accounts/{id}/password-reset")
    AccountAdministration.WithPassword resetPassword(@PathVariable long id) {
        return admin.resetPassword(id);
    }
}
