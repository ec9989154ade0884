package vn.hoclieu.search;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators: {@code POST /api/v1/admin/reindex} starts rebuilding the search index in the
 * background (202; 409 while one runs), {@code GET /api/v1/admin/reindex} says how far it is.
 */
@RestController
@RequestMapping("/api/v1")
class ReindexApiController {

    private final SearchService search;

    ReindexApiController(SearchService search) {
        this.search = search;
    }

    @PostMapping("/admin/reindex")
    ResponseEntity<RebuildStatus> start() {
        if (!search.startRebuild()) {
            throw new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null,
                    "problem.reindex.running", null);
        }
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/reindex")).body(search.rebuildStatus());
    }

    @GetMapping("/admin/reindex")
    RebuildStatus status() {
        return search.rebuildStatus();
    }
}
