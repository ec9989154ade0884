package vn.hoclieu.search;

import java.util.List;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hoclieu.account.AccountService;

/** {@code GET /api/v1/search} and {@code /api/v1/suggest}, as {@code API.md} specifies. */
@RestController
@RequestMapping("/api/v1")
class SearchApiController {

    private final SearchService search;
    private final AccountService accounts;

    SearchApiController(SearchService search, AccountService accounts) {
        this.search = search;
        this.accounts = accounts;
    }

    @GetMapping("/search")
    SearchPage search(@RequestParam MultiValueMap<String, String> params) {
        return search.search(SearchRequests.from(params, 10), accounts.currentViewer());
    }

    @GetMapping("/suggest")
    List<Suggestion> suggest(@RequestParam(defaultValue = "") String q) {
        return search.suggest(q, accounts.currentViewer());
    }
}
