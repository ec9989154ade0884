package vn.hoclieu.account;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.hoclieu.account.internal.ApiTokens;
import vn.hoclieu.account.internal.NewToken;
import vn.hoclieu.account.internal.TokenView;

/** {@code /api/v1/account}: the caller's own account and personal API tokens (any signed-in account). */
@RestController
@RequestMapping("/api/v1")
class AccountApiController {

    private final AccountService accounts;
    private final ApiTokens tokens;

    AccountApiController(AccountService accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/account")
    AccountView me() {
        Account account = accounts.byId(myId())
                .orElseThrow(() -> new AccountException(HttpStatus.NOT_FOUND, "problem.account.notFound", myId()));
        return AccountView.of(account, accounts.libraryCode(account));
    }

    @GetMapping("/account/tokens")
    List<TokenView> tokens() {
        return tokens.list(myId());
    }

    /** The response carries the token itself ({@code token}): the only time it is shown. */
    @PostMapping("/account/tokens")
    ResponseEntity<NewToken> create(@RequestBody TokenForm form) {
        NewToken created = tokens.create(myId(), form.getName(), form.getExpiresInDays());
        return ResponseEntity.created(URI.create("/api/v1/account/tokens/" + created.id())).body(created);
    }

    @DeleteMapping("/account/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(myId(), id);
        return ResponseEntity.noContent().build();
    }

    private long myId() {
        return accounts.currentViewer().accountId();
    }
}
