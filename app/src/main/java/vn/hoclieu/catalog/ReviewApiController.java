package vn.hoclieu.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hoclieu.account.AccountService;

/**
 * Review over the API: decisions on a resource, corrections to its description, the queue and the
 * history. 404 when the caller may not see the resource, 403 when they may not act, 409 for a
 * decision its status does not allow.
 */
@RestController
@RequestMapping("/api/v1")
class ReviewApiController {

    private final ReviewService review;
    private final AccountService accounts;

    ReviewApiController(ReviewService review, AccountService accounts) {
        this.review = review;
        this.accounts = accounts;
    }

    /** The body of {@code POST /resources/{id}/reject}. */
    record Rejection(String reason) {
    }

    @PostMapping("/resources/{id}/approve")
    ResourceView approve(@PathVariable long id) {
        return review.approve(id, accounts.currentViewer());
    }

    @PostMapping("/resources/{id}/reject")
    ResourceView reject(@PathVariable long id, @RequestBody(required = false) Rejection body) {
        return review.reject(id, body == null ? null : body.reason(), accounts.currentViewer());
    }

    @PostMapping("/resources/{id}/withdraw")
    ResourceView withdraw(@PathVariable long id) {
        return review.withdraw(id, accounts.currentViewer());
    }

    @PostMapping("/resources/{id}/restore")
    ResourceView restore(@PathVariable long id) {
        return review.restore(id, accounts.currentViewer());
    }

    @PatchMapping("/resources/{id}")
    ResourceView edit(@PathVariable long id, @RequestBody ResourceDraft changes) {
        return review.edit(id, changes, accounts.currentViewer());
    }

    @GetMapping("/resources/{id}/history")
    List<HistoryEntry> history(@PathVariable long id) {
        return review.history(id, accounts.currentViewer());
    }

    @GetMapping("/review")
    List<ReviewItem> queue(@RequestParam(defaultValue = "PENDING") String status) {
        return review.queue(status(status), accounts.currentViewer());
    }

    @GetMapping("/review/submissions")
    List<ReviewItem> submissions() {
        return review.submissions(accounts.currentViewer());
    }

    private static ResourceStatus status(String value) {
        try {
            return ResourceStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.badEnum", "status", value,
                    Arrays.toString(ResourceStatus.values()));
        }
    }
}
