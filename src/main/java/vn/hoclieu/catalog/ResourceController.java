package vn.hoclieu.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.hoclieu.account.AccountService;

/** The resource page: metadata, a text excerpt, previews and downloads. */
@Controller
class ResourceController {

    static final String VIEW = "catalog/resource";
    private static final int EXCERPT_CHARS = 1500;

    private final CatalogService catalog;
    private final AccountService accounts;

    ResourceController(CatalogService catalog, AccountService accounts) {
        this.catalog = catalog;
        this.accounts = accounts;
    }

    @GetMapping("/resources/{id}")
    String show(@PathVariable long id, Model model) {
        var viewer = accounts.currentViewer();
        ResourceView resource = catalog.find(id, viewer)
                .orElseThrow(() -> new CatalogException(HttpStatus.NOT_FOUND, "problem.resource.notFound", String.valueOf(id)));
        model.addAttribute("resource", resource);
        model.addAttribute("main", resource.mainFile());
        model.addAttribute("subtitles", resource.files().stream().filter(ResourceView.FileView::isSubtitle).toList());
        catalog.text(id, viewer).ifPresent(text -> {
            String clean = text.replace('\f', '\n').strip();
            boolean cut = clean.length() > EXCERPT_CHARS;
            model.addAttribute("excerpt", cut ? clean.substring(0, EXCERPT_CHARS) + " …" : clean);
        });
        return VIEW;
    }
}
