package vn.hoclieu.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;
import vn.hoclieu.account.AccountService;

/** The resource page: metadata, a text excerpt, previews and downloads. */
@Controller
class ResourceController {

    static final String VIEW = "catalog/resource";
    private static final int EXCERPT_CHARS = 1500;

    private final CatalogReads catalog;
    private final ResourceChanges changes;
    private final ResourcePermissions permissions;
    private final AccountService accounts;
    private final JsonMapper json;
    private final UsageService usage;
    private final List<ResourcePageExtras> extras;
    private final Attributions attributions;
    private final Submissions submissions;

    ResourceController(CatalogReads catalog, ResourceChanges changes, ResourcePermissions permissions,
                       AccountService accounts, JsonMapper json, UsageService usage, List<ResourcePageExtras> extras,
                       Attributions attributions, Submissions submissions) {
        this.submissions = submissions;
        this.changes = changes;
        this.permissions = permissions;
        this.attributions = attributions;
        this.catalog = catalog;
        this.accounts = accounts;
        this.json = json;
        this.usage = usage;
        this.extras = extras;
    }

    @GetMapping("/resources/{id}")
    String show(@PathVariable long id, @RequestParam(name = "page", required = false) String page,
                @RequestParam(name = "t", required = false) String moment,
                @RequestParam(name = "within", required = false) String within, Model model,
                WebRequest request) {
        var viewer = accounts.currentViewer();
        ResourceView resource = catalog.find(id, viewer, Reading.WITH_GRANTS)
                .orElseThrow(() -> new CatalogException(HttpStatus.NOT_FOUND, "problem.resource.notFound", String.valueOf(id)));
        usage.viewed(id, viewer, Visitors.of(request), request.getHeader("User-Agent"));
        model.addAttribute("resource", resource);
        model.addAttribute("main", resource.mainFile());
        model.addAttribute("subtitles", resource.files().stream().filter(ResourceView.FileView::isSubtitle).toList());
        catalog.text(id, viewer, Reading.WITH_GRANTS).ifPresent(text -> {
            String clean = text.replace('\f', '\n').strip();
            boolean cut = clean.length() > EXCERPT_CHARS;
            model.addAttribute("excerpt", cut ? clean.substring(0, EXCERPT_CHARS) + " …" : clean);
        });
        model.addAttribute("jsonLd", jsonLd(resource));
        model.addAttribute("licence", Licence.known(resource.licence()));
        model.addAttribute("licenceUri", Licence.uri(resource.licence()));
        // both languages, the reader's first: a Vietnamese teacher may write an English slide deck
        String pageUrl = pageUrl(id);
        model.addAttribute("pageUrl", pageUrl);
        Locale current = LocaleContextHolder.getLocale();
        model.addAttribute("attributions", Stream.of(current, Locale.forLanguageTag("vi"),
                        Locale.ENGLISH).map(Locale::getLanguage).distinct()
                .map(lang -> attributions.of(resource, pageUrl, Locale.forLanguageTag(lang))).toList());
        boolean staff = permissions.mayChange(id, viewer);
        model.addAttribute("staff", staff);
        // the uploader, while the library has not reviewed it: replace a file, or withdraw it
        model.addAttribute("revise", submissions.mayRevise(id, viewer));
        if (staff) {
            model.addAttribute("changes", ReviewController.possibleChanges(resource.status()));
            model.addAttribute("history", changes.history(id, viewer));
        }
        Map<String, String> params = within == null ? Map.of() : Map.of("within", within);
        extras.forEach(e -> model.addAllAttributes(e.extras(id, viewer, params)));
        // a search hit's place: the PDF opens at that page, the player at that moment (media fragments, no script)
        model.addAttribute("fragment", fragment(page, moment));
        // "Read" under the title: the reader for documents, the player or picture on this page for the rest
        model.addAttribute("readLink", ReaderController.link(resource));
        model.addAttribute("playable", playable(resource.mainFile()));
        model.addAttribute("pdfPage", pdfPage(pageNumber(page), resource.mainFile()));
        return VIEW;
    }

    /** The page the PDF preview shows: the one asked for if the file has it, else the first. */
    private static int pdfPage(Integer asked, ResourceView.FileView main) {
        Integer pages = main == null || main.extraction() == null ? null : main.extraction().pages();
        return asked != null && (pages == null || asked <= pages) ? asked : 1;
    }

    /** Whether the main file plays or shows in the page's preview (a video, a sound, a picture, a package). */
    private static boolean playable(ResourceView.FileView main) {
        if (main == null) {
            return false;
        }
        String type = main.mediaType() == null ? "" : main.mediaType();
        return main.launch() != null || type.startsWith("video/") || type.startsWith("audio/")
                || (type.startsWith("image/") && !type.equals("image/svg+xml"));
    }

    /** The page's own address, as the visitor reached it (behind a proxy: set server.forward-headers-strategy). */
    static String pageUrl(long id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/resources/{id}").buildAndExpand(id).toUriString();
    }

    /** A page number from 1 as a link gives it, or null for anything else. */
    static Integer pageNumber(String page) {
        return page != null && page.matches("\\d{1,6}") && Integer.parseInt(page) > 0 ? Integer.valueOf(page) : null;
    }

    /** {@code #page=12} or {@code #t=331} for the preview's address; empty for anything else. */
    static String fragment(String page, String moment) {
        if (pageNumber(page) != null) {
            return "#page=" + pageNumber(page);
        }
        if (moment != null && moment.matches("\\d{1,7}")) {
            return "#t=" + Long.parseLong(moment);
        }
        return "";
    }

    /** schema.org LearningResource (LRMI) for harvesters and search engines; "<" escaped so it cannot end the script. */
    private String jsonLd(ResourceView r) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "LearningResource");
        ld.put("name", r.title());
        if (r.description() != null) {
            ld.put("description", r.description());
        }
        if (!r.creators().isEmpty()) {
            ld.put("author", r.creators().stream().map(c -> Map.of("@type", "Person", "name", c)).toList());
        }
        if (r.language() != null) {
            ld.put("inLanguage", r.language());
        }
        if (!r.subjects().isEmpty()) {
            ld.put("keywords", String.join(", ", r.subjects()));
        }
        if (!r.audience().isEmpty()) {
            ld.put("educationalLevel", r.audience());
        }
        ld.put("learningResourceType", r.materialType().name());
        if (Licence.uri(r.licence()) != null) {
            ld.put("license", Licence.uri(r.licence()));
        }
        if (r.publisher() != null) {
            ld.put("publisher", Map.of("@type", "Organization", "name", r.publisher()));
        }
        if (r.date() != null) {
            ld.put("datePublished", r.date().toString());
        }
        if (r.libraryName() != null) {
            ld.put("provider", Map.of("@type", "Library", "name", r.libraryName()));
        }
        if (r.source() != null && r.source().url() != null) {
            ld.put("isBasedOn", r.source().url());
        }
        ld.put("isAccessibleForFree", true);
        return json.writeValueAsString(ld).replace("<", "\\u003c");
    }
}
