package vn.hoclieu.web;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.search.SearchRequest;
import vn.hoclieu.search.SearchService;

/** The home page: a search box, the newest materials, and browsing by type, subject and library. */
@Controller
class HomeController {

    static final String VIEW = "web/home";

    private final SearchService search;
    private final AccountService accounts;

    HomeController(SearchService search, AccountService accounts) {
        this.search = search;
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("newest", search.search(new SearchRequest("", 0, 8, "newest", Map.of()),
                accounts.currentViewer()));
        return VIEW;
    }
}
