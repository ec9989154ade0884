package vn.hoclieu.search;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.CatalogException;
import vn.hoclieu.catalog.CatalogReads;

/**
 * {@code GET /api/v1/search} and {@code /api/v1/suggest}, as {@code API.md} specifies, and per
 * resource: {@code /resources/{id}/related} (more like this) and {@code /resources/{id}/search?q=}
 * (search within it).
 */
@RestController
@RequestMapping("/api/v1")
class SearchApiController {

    private final SearchService search;
    private final AccountService accounts;
    private final CatalogReads catalog;

    SearchApiController(SearchService search, AccountService accounts, CatalogReads catalog) {
        this.search = search;
        this.accounts = accounts;
        this.catalog = catalog;
    }

    @GetMapping("/search")
    SearchPage search(@RequestParam MultiValueMap<String, String> params) {
        return search.search(SearchRequests.from(params, 10), accounts.currentViewer());
    }

    @GetMapping("/suggest")
    List<Suggestion> suggest(@RequestParam(defaultValue = "") String q) {
        return search.suggest(q, accounts.currentViewer());
    }

    @GetMapping("/resources/{id}/related")
    List<SearchHit> related(@PathVariable long id, @RequestParam(defaultValue = "5") int size) {
        return search.related(id, visibleTo(id), size);
    }

    @GetMapping("/resources/{id}/search")
    DocumentMatches within(@PathVariable long id, @RequestParam(defaultValue = "") String q) {
        return search.within(id, q, visibleTo(id));
    }

    /** The viewer, once it is clear they may see the resource: else the same 404 as for one that does not exist. */
    private Viewer visibleTo(long id) {
        Viewer viewer = accounts.currentViewer();
        if (catalog.find(id, viewer).isEmpty()) {
            throw new CatalogException(HttpStatus.NOT_FOUND, "problem.resource.notFound", String.valueOf(id));
        }
        return viewer;
    }
}
