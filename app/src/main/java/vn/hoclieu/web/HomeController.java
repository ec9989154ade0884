package vn.hoclieu.web;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.search.FacetLabels;
import vn.hoclieu.search.SearchHit;
import vn.hoclieu.search.SearchPage;
import vn.hoclieu.search.SearchRequest;
import vn.hoclieu.search.SearchService;

/**
 * The home page: a search box, the newest and the most used materials, and browsing by type, subject and
 * library; for a catalogue with nothing to show yet, how material gets in (staff) or that there is none yet.
 */
@Controller
class HomeController {

    static final String VIEW = "web/home";

    private final SearchService search;
    private final AccountService accounts;
    private final FacetLabels labels;

    HomeController(SearchService search, AccountService accounts, FacetLabels labels) {
        this.search = search;
        this.accounts = accounts;
        this.labels = labels;
    }

    @GetMapping("/")
    String home(Model model) {
        var viewer = accounts.currentViewer();
        var newest = search.search(new SearchRequest("", 0, 8, "newest", Map.of()), viewer);
        model.addAttribute("newest", newest);
        model.addAttribute("labels", labels.forPage(newest, Map.of()));
        if (newest.total() == 0) {
            // nothing to browse: the page says how material gets in (home.html)
            model.addAttribute("popular", List.of());
            return VIEW;
        }
        var popular = search.search(new SearchRequest("", 0, 8, "popular", Map.of()), viewer);
        // until materials are used, "most used" would only repeat the newest
        model.addAttribute("popular", ids(popular).equals(ids(newest)) ? List.of() : popular.hits());
        return VIEW;
    }

    private static List<Long> ids(SearchPage page) {
        return page.hits().stream().map(SearchHit::id).toList();
    }
}
