package vn.hoclieu.catalog;

import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Viewer;

/**
 * The review pages (plain forms with CSRF, no JavaScript): the librarians' queue, the decisions
 * posted from it and from a resource's page, the edit page, and a teacher's own submissions.
 */
@Controller
class ReviewController {

    static final String QUEUE_VIEW = "catalog/review";
    static final String EDIT_VIEW = "catalog/edit";
    static final String SUBMISSIONS_VIEW = "catalog/submissions";
    /** Where a decision may send the browser back to; anything else goes to the resource's page. */
    private static final String FROM_QUEUE = "review";

    private final ReviewService review;
    private final CatalogReads catalog;
    private final ResourcePermissions permissions;
    private final AccountService accounts;
    private final ReviewQueue queue;

    ReviewController(ReviewService review, CatalogReads catalog, ResourcePermissions permissions,
                     AccountService accounts, ReviewQueue queue) {
        this.queue = queue;
        this.permissions = permissions;
        this.review = review;
        this.catalog = catalog;
        this.accounts = accounts;
    }

    @GetMapping("/review")
    String queue(Model model) {
        model.addAttribute("items", queue.pending(accounts.currentViewer()));
        model.addAttribute("changes", possibleChanges(ResourceStatus.PENDING));
        return QUEUE_VIEW;
    }

    /**
     * Approves the submissions ticked in the queue: each one the reviewer may approve is published,
     * the others are left as they are; the queue then says how many of each.
     */
    @PostMapping("/review/approve")
    String approveSelected(@RequestParam(name = "id", required = false) List<Long> ids, RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("bulkNone", true);
            return "redirect:/review";
        }
        ReviewQueue.Approval done = queue.approveAll(ids, accounts.currentViewer());
        redirect.addFlashAttribute("bulkApproved", done.approved());
        redirect.addFlashAttribute("bulkRefused", done.refused());
        return "redirect:/review";
    }

    @GetMapping("/my/submissions")
    String submissions(Model model) {
        model.addAttribute("items", review.submissions(accounts.currentViewer()));
        return SUBMISSIONS_VIEW;
    }

    @PostMapping("/resources/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String next, RedirectAttributes redirect) {
        return decide(id, next, "approved", redirect, () -> review.approve(id, accounts.currentViewer()));
    }

    @PostMapping("/resources/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String next, RedirectAttributes redirect) {
        return decide(id, next, "rejected", redirect, () -> review.reject(id, reason, accounts.currentViewer()));
    }

    @PostMapping("/resources/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam(required = false) String next, RedirectAttributes redirect) {
        return decide(id, next, "withdrawn", redirect, () -> review.withdraw(id, accounts.currentViewer()));
    }

    @PostMapping("/resources/{id}/restore")
    String restore(@PathVariable long id, @RequestParam(required = false) String next, RedirectAttributes redirect) {
        return decide(id, next, "restored", redirect, () -> review.restore(id, accounts.currentViewer()));
    }

    /**
     * Redirects after the decision. A missing reason or a decision the status no longer allows
     * (someone else decided first) is said on the page it came from; 403 and 404 are error pages.
     */
    private String decide(long id, String next, String done, RedirectAttributes redirect, Runnable decision) {
        String back = FROM_QUEUE.equals(next) ? "redirect:/review" : "redirect:/resources/" + id;
        try {
            decision.run();
            return back + "?" + done;
        } catch (CatalogException e) {
            if (!Set.of(HttpStatus.BAD_REQUEST, HttpStatus.CONFLICT).contains(HttpStatus.valueOf(e.getStatusCode().value()))) {
                throw e;
            }
            redirect.addFlashAttribute("reviewProblem", e.messageCode());
            redirect.addFlashAttribute("reviewProblemArgs", e.arguments());
            return back;
        }
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("materialTypes", MaterialType.values());
        model.addAttribute("visibilities", Visibility.values());
    }

    @GetMapping("/resources/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        ResourceView resource = editable(id, accounts.currentViewer());
        model.addAttribute("resource", resource);
        model.addAttribute("form", EditForm.of(resource));
        return EDIT_VIEW;
    }

    @PostMapping("/resources/{id}/edit")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") EditForm form, BindingResult errors,
                Model model) {
        Viewer viewer = accounts.currentViewer();
        ResourceView resource = editable(id, viewer);
        if (!errors.hasErrors()) {
            try {
                review.edit(id, form.toDraft(), viewer);
                return "redirect:/resources/" + id + "?edited";
            } catch (CatalogException e) {
                if (e.getStatusCode().value() != HttpStatus.BAD_REQUEST.value()) {
                    throw e;
                }
                errors.reject(e.messageCode(), e.arguments(), e.messageCode());
            }
        }
        model.addAttribute("resource", resource);
        return EDIT_VIEW;
    }

    /** The resource, if the viewer may edit it: 404 if they may not see it, 403 if they may not change it. */
    private ResourceView editable(long id, Viewer viewer) {
        ResourceView resource = catalog.find(id, viewer)
                .orElseThrow(() -> ResourceApiController.notFound(id));
        if (!permissions.mayChange(id, viewer)) {
            throw new CatalogException(HttpStatus.FORBIDDEN, "problem.forbidden");
        }
        return resource;
    }

    /** For the resource page: what its viewer may do there. */
    static List<StatusChange> possibleChanges(ResourceStatus status) {
        return Arrays.stream(StatusChange.values()).filter(c -> c.possibleFrom(status)).toList();
    }
}
