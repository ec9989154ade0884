package vn.hoclieu.ingest;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;

/**
 * The ingestion queue for librarians: how many files wait, are read, are done; the files that
 * could not be read, with why, to try again (after installing Tesseract, say) or to set aside.
 * Refreshed every few seconds without JavaScript.
 */
@Controller
class IngestController {

    static final String VIEW = "ingest/queue";

    private final IngestService ingest;
    private final AccountService accounts;
    private final LibraryService libraries;

    IngestController(IngestService ingest, AccountService accounts, LibraryService libraries) {
        this.ingest = ingest;
        this.accounts = accounts;
        this.libraries = libraries;
    }

    @GetMapping("/ingest")
    String queue(@RequestParam(required = false) Long before, Model model) {
        Viewer viewer = accounts.currentViewer();
        // the counts are of the jobs the lists show (a librarian's library's, an administrator's all), as on the dashboard
        model.addAttribute("counts", ingest.queue(viewer).counts());
        model.addAttribute("scope", viewer.has(Role.ADMIN) ? null
                : libraries.byId(viewer.libraryId()).map(LibraryView::name).orElse(null));
        List<JobView> failed = ingest.jobs(JobStatus.FAILED, FAILED_PAGE, before, viewer);
        model.addAttribute("failed", failed);
        model.addAttribute("olderFailed", failed.size() == FAILED_PAGE ? failed.get(failed.size() - 1).id() : null);
        model.addAttribute("running", ingest.jobs(JobStatus.RUNNING, 50, viewer));
        return VIEW;
    }

    private static final int FAILED_PAGE = 200;

    @PostMapping("/ingest/jobs/{id}/retry")
    String retry(@PathVariable long id, @RequestParam(required = false) String from) {
        return "redirect:" + back(from) + "?" + (ingest.retry(id, accounts.currentViewer()).isPresent() ? "retried=" + id : "unchanged=" + id);
    }

    @PostMapping("/ingest/jobs/{id}/discard")
    String discard(@PathVariable long id, @RequestParam(required = false) String from) {
        return "redirect:" + back(from) + "?" + (ingest.discard(id, accounts.currentViewer()).isPresent() ? "discarded=" + id : "unchanged=" + id);
    }

    /** Back to the page the button was on: this queue, or the librarians' dashboard (never anywhere else). */
    private static String back(String from) {
        return "dashboard".equals(from) ? "/dashboard" : "/ingest";
    }
}
