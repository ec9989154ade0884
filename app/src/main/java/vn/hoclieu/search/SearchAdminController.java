package vn.hoclieu.search;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The administrators' page of the search index: a button that rebuilds it in the background, and
 * the rebuild's progress and outcome, refreshed every two seconds while it runs (no JavaScript).
 * Security lets only administrators in ({@code /admin/**}).
 */
@Controller
class SearchAdminController {

    static final String VIEW = "search/admin";

    private final SearchService search;

    SearchAdminController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/admin/search")
    String page(Model model) {
        RebuildStatus status = search.rebuildStatus();
        model.addAttribute("rebuild", status);
        model.addAttribute("rate", Math.round(status.docsPerSecond()));
        return VIEW;
    }

    @PostMapping("/admin/search/rebuild")
    String rebuild() {
        return "redirect:/admin/search?" + (search.startRebuild() ? "started" : "alreadyRunning");
    }
}
