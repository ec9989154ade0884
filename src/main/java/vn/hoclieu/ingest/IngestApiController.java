package vn.hoclieu.ingest;

import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The ingestion queue for librarians and scripts. */
@RestController
@RequestMapping("/api/v1")
class IngestApiController {

    private final IngestService ingest;

    IngestApiController(IngestService ingest) {
        this.ingest = ingest;
    }

    @GetMapping("/ingest/jobs")
    List<JobView> jobs(@RequestParam(required = false) String status,
                       @RequestParam(defaultValue = "200") int limit) {
        JobStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = JobStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "status must be one of " + java.util.Arrays.toString(JobStatus.values()));
            }
        }
        return ingest.jobs(wanted, limit);
    }
}
