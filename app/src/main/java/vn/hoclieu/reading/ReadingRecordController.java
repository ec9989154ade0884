package vn.hoclieu.reading;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Viewer;

/**
 * Records: a reader's own ({@code /my/reading}: read, delete after a confirmation; the download is
 * {@code GET /api/v1/reading-programmes/my-record}, which reads the browser's session) and,
 * for a programme's organisers, its participants' progress and notes.
 */
@Controller
class ReadingRecordController {

    static final String RECORD = "reading/record";
    static final String DELETE = "reading/record-delete";
    static final String PARTICIPANTS = "reading/participants";

    private final ReadingRecords records;
    private final ReadingProgrammes programmes;
    private final AccountService accounts;

    ReadingRecordController(ReadingRecords records, ReadingProgrammes programmes, AccountService accounts) {
        this.records = records;
        this.programmes = programmes;
        this.accounts = accounts;
    }

    @GetMapping("/my/reading")
    String record(Model model) {
        model.addAttribute("record", records.record(accounts.currentViewer()));
        return RECORD;
    }

    /**
     * The programme page's "sign in to join" link: an address that needs an account, so that a
     * student who scanned the poster signs in and comes back to the programme, not to the home page.
     */
    @GetMapping("/my/reading/{id}")
    String backToProgramme(@PathVariable long id) {
        return "redirect:/reading/" + id;
    }

    /** Deleting asks first: the page says what goes, and the button is on it. */
    @GetMapping("/my/reading/delete")
    String confirmDelete(Model model) {
        model.addAttribute("record", records.record(accounts.currentViewer()));
        return DELETE;
    }

    @PostMapping("/my/reading/delete")
    String delete() {
        int left = records.deleteRecord(accounts.currentViewer());
        return "redirect:/my/reading?deleted=" + left;
    }

    @GetMapping("/reading/{id}/participants")
    String participants(@PathVariable long id, Model model) {
        Viewer viewer = accounts.currentViewer();
        if (!viewer.signedIn()) {
            return ReadingController.SIGN_IN;
        }
        model.addAttribute("participants", records.participants(id, viewer));
        model.addAttribute("programme", programmes.find(id, viewer));
        return PARTICIPANTS;
    }
}
