package vn.hoclieu.catalog;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.storage.BlobStore;

/**
 * {@code GET /api/v1/resources/{id}/files/{fileId}/pages/{page}}: one page of a PDF as a JPEG, for the
 * page-by-page reader ({@link ReaderController}). Who may see it is exactly who may download the file:
 * the same look-up, the same 404 for a resource that does not exist or may not be seen.
 */
@RestController
@RequestMapping("/api/v1")
class PageImageApiController {

    static final String PDF = "application/pdf";

    private final HarvestedFiles files;
    private final AccountService accounts;
    private final BlobStore blobs;
    private final PageImages pages;

    PageImageApiController(HarvestedFiles files, AccountService accounts, BlobStore blobs, PageImages pages) {
        this.files = files;
        this.accounts = accounts;
        this.blobs = blobs;
        this.pages = pages;
    }

    @GetMapping("/resources/{id}/files/{fileId}/pages/{page}")
    ResponseEntity<byte[]> page(@PathVariable long id, @PathVariable long fileId, @PathVariable String page,
                                WebRequest request) {
        ResourceView.FileView file = files.localFile(id, fileId, accounts.currentViewer(), Reading.WITH_GRANTS)
                .orElseThrow(() -> ResourceApiController.notFound(id));
        if (!PDF.equals(file.mediaType()) || file.sha256() == null) {
            throw new CatalogException(HttpStatus.NOT_FOUND, "problem.preview.notPdf", file.name());
        }
        if (!page.matches("\\d{1,6}")) {
            throw new CatalogException(HttpStatus.NOT_FOUND, "problem.preview.noSuchPage", page,
                    pages.pageCount(file.sha256(), blobs.localPath(file.sha256())));
        }
        int number = Integer.parseInt(page);
        // the picture of a page of these bytes never changes: the file's hash names it
        String etag = "\"" + file.sha256() + "-p" + number + "-w" + PageImages.WIDTH + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        byte[] jpeg = pages.page(file.sha256(), blobs.localPath(file.sha256()), number);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).eTag(etag)
                .header("X-Content-Type-Options", "nosniff")
                // private: whether it may be seen depends on who asks
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                .body(jpeg);
    }
}
