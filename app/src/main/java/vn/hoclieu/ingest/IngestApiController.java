package vn.hoclieu.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hoclieu.account.AccountService;

/** The ingestion queue for librarians and scripts. */
@RestController
@RequestMapping("/api/v1")
class IngestApiController {

    private final IngestService ingest;
    private final AccountService accounts;

    IngestApiController(IngestService ingest, AccountService accounts) {
        this.ingest = ingest;
        this.accounts = accounts;
    }

    @PostMapping("/ingest/jobs/{id}/retry")
    ResponseEntity<JobView> retry(@PathVariable long id) {
        return ingest.retry(id, accounts.currentViewer()).map(ResponseEntity::ok).orElseGet(() -> conflictOrMissing(id));
    }

    @PostMapping("/ingest/jobs/{id}/discard")
    ResponseEntity<JobView> discard(@PathVariable long id) {
        return ingest.discard(id, accounts.currentViewer()).map(ResponseEntity::ok).orElseGet(() -> conflictOrMissing(id));
    }

    private ResponseEntity<JobView> conflictOrMissing(long id) {
        // another library's job is as missing as one that does not exist
        if (ingest.job(id, accounts.currentViewer()).isEmpty()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null,
                    "problem.job.notFound", new Object[] {String.valueOf(id)});
        }
        throw new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null,
                "problem.job.wrongState", new Object[] {String.valueOf(id), ingest.job(id).get().status()});
    }

    /** Counts, the current batch's progress and the files being read: what the dashboard polls. */
    @GetMapping("/ingest/queue")
    QueueView queue() {
        return ingest.queue(accounts.currentViewer());
    }

    @GetMapping("/ingest/jobs")
    List<JobView> jobs(@RequestParam(required = false) String status,
                       @RequestParam(defaultValue = "200") int limit,
                       @RequestParam(required = false) Long before) {
        JobStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = JobStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST),
                        null, "problem.job.badStatus", new Object[] {status, Arrays.toString(JobStatus.values())});
            }
        }
        // newest first; the next page is ?before=<the last id of this one>
        return ingest.jobs(wanted, limit, before, accounts.currentViewer());
    }
}
