package vn.hoclieu.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.hoclieu.account.AccountService;

/**
 * {@code GET /api/v1/collections/{id}/export} and {@code GET /api/v1/libraries/{code}/export}: an exchange
 * package, streamed as it is written. Who may ask is decided before the first byte, so a refusal is a
 * problem+json like any other; the answer is written on the request's own thread (no asynchronous
 * time-out cuts a package of many gigabytes short), and the browser's session is read for these GETs, so
 * the buttons on the collection and library pages are plain links.
 */
@RestController
@RequestMapping("/api/v1")
class ExportApiController {

    private static final ZoneId NETWORK_TIME = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ExchangeExports exports;
    private final AccountService accounts;

    ExportApiController(ExchangeExports exports, AccountService accounts) {
        this.exports = exports;
        this.accounts = accounts;
    }

    @GetMapping("/collections/{id}/export")
    void collection(@PathVariable long id, HttpServletResponse response) throws IOException {
        send(exports.collection(id, accounts.currentViewer()), response);
    }

    @GetMapping("/libraries/{code}/export")
    void library(@PathVariable String code, HttpServletResponse response) throws IOException {
        send(exports.library(code, accounts.currentViewer()), response);
    }

    private void send(ExportPlan plan, HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(plan.fileName(LocalDate.now(NETWORK_TIME))).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        OutputStream out = response.getOutputStream();
        exports.write(plan, out, ExportProgress.NONE);
        out.flush();
    }
}
