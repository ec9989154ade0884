package vn.hoclieu.catalog;

import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.storage.UploadLimits;

/**
 * The resource page's form for a teacher to replace a file of their own submission before it is reviewed
 * (withdrawing it is the review form's {@code /resources/{id}/withdraw}, which takes the uploader too).
 * A refusal — a program, a copy of other material, already reviewed — is said on the resource page;
 * a resource the teacher may not see or change is an error page.
 */
@Controller
class SubmissionController {

    private static final Set<Integer> SAID_ON_THE_PAGE = Set.of(400, 409, 415, 507);

    private final Submissions submissions;
    private final AccountService accounts;
    private final UploadLimits limits;

    SubmissionController(Submissions submissions, AccountService accounts, UploadLimits limits) {
        this.submissions = submissions;
        this.accounts = accounts;
        this.limits = limits;
    }

    @PostMapping("/resources/{id}/files/{fileId}/replace")
    String replace(@PathVariable long id, @PathVariable long fileId,
                   @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        try {
            boolean chosen = file != null && !(file.isEmpty() && (file.getOriginalFilename() == null
                    || file.getOriginalFilename().isBlank()));
            if (chosen) {
                limits.checkFile(file.getSize());
            }
            submissions.replaceFile(id, fileId, chosen ? new IncomingFile(file.getOriginalFilename(),
                    file.getContentType(), file, file.getSize()) : null, accounts.currentViewer());
            return "redirect:/resources/" + id + "?replaced";
        } catch (CatalogException e) {
            if (!SAID_ON_THE_PAGE.contains(e.getStatusCode().value())) {
                throw e;
            }
            redirect.addFlashAttribute("reviewProblem", e.messageCode());
            redirect.addFlashAttribute("reviewProblemArgs", e.arguments());
            return "redirect:/resources/" + id;
        }
    }
}
