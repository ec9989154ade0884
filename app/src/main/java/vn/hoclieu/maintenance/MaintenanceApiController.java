package vn.hoclieu.maintenance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.hoclieu.maintenance.internal.DatabaseSnapshot;

/**
 * Administrators: {@code POST /api/v1/admin/verify} checks database ↔ blobs ↔ index and repairs the
 * index ({@code repair=false} only checks); {@code POST /api/v1/admin/backup} answers a consistent
 * snapshot of the database as a ZIP (H2's own format; it holds the accounts' password hashes, so it
 * is for administrators only) — {@code hoclieu.jar backup} asks for it while the server runs.
 */
@RestController
@RequestMapping("/api/v1")
class MaintenanceApiController {

    private final Verification verification;
    private final DatabaseSnapshot snapshot;

    MaintenanceApiController(Verification verification, DatabaseSnapshot snapshot) {
        this.verification = verification;
        this.snapshot = snapshot;
    }

    @PostMapping("/admin/verify")
    VerifyReport verify(@RequestParam(defaultValue = "true") boolean repair) {
        try {
            return verification.verify(repair);
        } catch (IOException e) {
            throw failure("problem.verify.failed", e);
        }
    }

    @PostMapping("/admin/backup")
    ResponseEntity<StreamingResponseBody> backup() throws IOException {
        Path zip;
        try {
            zip = snapshot.take();
        } catch (IOException | SQLException e) {
            throw failure("problem.backup.failed", e);
        }
        StreamingResponseBody body = out -> {
            try (InputStream in = Files.newInputStream(zip)) {
                in.transferTo(out);
            } finally {
                Files.deleteIfExists(zip);
            }
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .contentLength(Files.size(zip))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(BackupCommand.DATABASE).build().toString())
                .body(body);
    }

    private static ErrorResponseException failure(String code, Exception e) {
        return new ErrorResponseException(HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR), e, code, new Object[] {e.getMessage()});
    }
}
