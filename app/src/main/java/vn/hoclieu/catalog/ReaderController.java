package vn.hoclieu.catalog;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.storage.BlobStore;

/**
 * The reader ({@code /resources/{id}/read}), for a phone as much as a desk: a PDF page by page as pictures
 * (no browser PDF viewer needed), a slide deck slide by slide, an HTML lesson cleaned of anything that could
 * run. {@code ?file=&page=} opens a file at a page or slide, each of which has the anchor
 * {@code #f<file>-p<n>} that search hits name. Visibility is the resource page's, share links included.
 *
 * <p>Slides are shown as their text, one numbered section each, not as pictures: that works the same for
 * PowerPoint and OpenDocument decks (POI draws only the former), weighs kilobytes on a phone, and draws
 * nothing untrusted in this process.
 */
@Controller
class ReaderController {

    static final String VIEW = "catalog/read";
    /** Pages per screen of the PDF reader; the pictures below the first load as the reader scrolls. */
    static final int WINDOW = 10;
    static final Set<String> LESSONS = Set.of("text/html", "application/xhtml+xml");

    private final CatalogReads catalog;
    private final AccountService accounts;
    private final BlobStore blobs;
    private final PageImages pages;

    ReaderController(CatalogReads catalog, AccountService accounts, BlobStore blobs, PageImages pages) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.blobs = blobs;
        this.pages = pages;
    }

    /** How the reader shows a file: {@code pdf}, {@code slides}, {@code lesson}, or null (it does not). */
    static String kind(ResourceView.FileView f) {
        if (f.sha256() == null || f.mediaType() == null) {
            return null;
        }
        if (PageImageApiController.PDF.equals(f.mediaType())) {
            return "pdf";
        }
        if (ResourceTextController.SLIDES.contains(f.mediaType())) {
            return "slides";
        }
        return LESSONS.contains(f.mediaType()) ? "lesson" : null;
    }

    /** The reader's address for the resource, or null when none of its files is one the reader shows. */
    static String link(ResourceView r) {
        return readable(r, null) == null ? null : "/resources/" + r.id() + "/read";
    }

    /** The file named (if the reader shows it), else the main file if it does, else the first it shows. */
    private static ResourceView.FileView readable(ResourceView r, Long fileId) {
        if (fileId != null) {
            return r.files().stream().filter(f -> f.id() == fileId && kind(f) != null).findFirst().orElse(null);
        }
        ResourceView.FileView main = r.mainFile();
        if (main != null && kind(main) != null) {
            return main;
        }
        return r.files().stream().filter(f -> kind(f) != null).findFirst().orElse(null);
    }

    /** A page or slide out of range: what there is, and the 404 a link checker should see. */
    public record Missing(String asked, int count) {
    }

    @GetMapping("/resources/{id}/read")
    String read(@PathVariable long id, @RequestParam(required = false) String file,
                @RequestParam(required = false) String page, Model model, HttpServletResponse response)
            throws IOException {
        Viewer viewer = accounts.currentViewer();
        ResourceView resource = catalog.find(id, viewer, Reading.WITH_GRANTS)
                .orElseThrow(() -> new CatalogException(HttpStatus.NOT_FOUND, "problem.resource.notFound", String.valueOf(id)));
        ResourceView.FileView chosen = readable(resource, file != null && file.matches("\\d{1,18}") ? Long.valueOf(file) : null);
        if (chosen == null) {
            // a video, a picture, a package: the resource page is where they play
            return "redirect:/resources/" + id;
        }
        String kind = kind(chosen);
        model.addAttribute("resource", resource);
        model.addAttribute("file", chosen);
        model.addAttribute("kind", kind);
        int asked = page != null && page.matches("\\d{1,6}") ? Integer.parseInt(page) : 1;
        switch (kind) {
            case "pdf" -> pdf(chosen, asked, page, model, response);
            case "slides" -> slides(id, viewer, chosen, asked, page, model, response);
            default -> {
                try (InputStream in = catalog.content(chosen).getInputStream()) {
                    LessonHtml.Cleaned lesson = LessonHtml.clean(in);
                    model.addAttribute("lesson", lesson.html());
                    model.addAttribute("lessonCut", lesson.cut());
                }
            }
        }
        return VIEW;
    }

    private void pdf(ResourceView.FileView f, int asked, String page, Model model, HttpServletResponse response) {
        int count;
        try {
            Integer known = f.extraction() == null ? null : f.extraction().pages();
            count = known != null && known > 0 ? known : pages.pageCount(f.sha256(), blobs.localPath(f.sha256()));
        } catch (CatalogException e) {
            // a file whose pages cannot be drawn: the reader says so and offers the download
            model.addAttribute("unavailable", true);
            return;
        }
        model.addAttribute("count", count);
        if (asked < 1 || asked > count) {
            missing(page, count, model, response);
            return;
        }
        int last = Math.min(count, Math.min(PageImages.MAX_PAGES, asked + WINDOW - 1));
        model.addAttribute("window", IntStream.rangeClosed(asked, Math.max(asked, last)).boxed().toList());
        model.addAttribute("previous", asked > 1 ? Math.max(1, asked - WINDOW) : null);
        model.addAttribute("next", last < count ? last + 1 : null);
    }

    private void slides(long id, Viewer viewer, ResourceView.FileView f, int asked, String page, Model model,
                        HttpServletResponse response) {
        List<ResourceTextController.Segment> slides = ResourceTextController.segments(
                        catalog.fileTexts(id, viewer, Reading.WITH_GRANTS)).stream()
                .filter(s -> s.fileId() == f.id()).toList();
        model.addAttribute("slides", slides);
        model.addAttribute("count", slides.size());
        if (page != null && (asked < 1 || asked > slides.size())) {
            missing(page, slides.size(), model, response);
        }
    }

    private static void missing(String page, int count, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("missing", new Missing(page, count));
    }
}
