package vn.hoclieu.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.catalog.CatalogException;
import vn.hoclieu.catalog.CatalogReads;
import vn.hoclieu.catalog.Reading;
import vn.hoclieu.catalog.ResourceView;
import vn.hoclieu.storage.BlobStore;

/**
 * Serves the pages of an e-lecture package (SCORM) from the stored ZIP, for the sandboxed frame
 * of the resource page. Every response carries a CSP sandbox without same-origin rights: the
 * package's scripts run in an opaque origin and can neither read the site's cookies nor call its
 * API as the viewer.
 */
@Controller
class PackageController {

    static final String SANDBOX = "sandbox allow-scripts allow-forms allow-popups allow-modals; "
            + "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:; frame-ancestors 'self'";
    private static final long MAX_ENTRY_BYTES = 200L << 20;

    private final CatalogReads catalog;
    private final AccountService accounts;
    private final BlobStore blobs;

    PackageController(CatalogReads catalog, AccountService accounts, BlobStore blobs) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.blobs = blobs;
    }

    @GetMapping("/resources/{id}/files/{fileId}/package/**")
    ResponseEntity<byte[]> entry(@PathVariable long id, @PathVariable long fileId, HttpServletRequest request)
            throws IOException {
        ResourceView.FileView file = catalog.findFile(id, fileId, accounts.currentViewer(), Reading.WITH_GRANTS)
                .filter(f -> f.launch() != null)
                .orElseThrow(() -> new CatalogException(HttpStatus.NOT_FOUND, "problem.resource.notFound",
                        String.valueOf(id)));
        String prefix = "/resources/" + id + "/files/" + fileId + "/package/";
        String uri = request.getRequestURI();
        String name = URLDecoder.decode(uri.substring(uri.indexOf(prefix) + prefix.length()).replace("+", "%2B"),
                StandardCharsets.UTF_8);
        Path normalized = Path.of("/").resolve(name).normalize();
        if (name.isEmpty() || name.contains("\\") || !normalized.startsWith("/") || name.contains("\0")) {
            return ResponseEntity.notFound().build();
        }
        String entryName = normalized.toString().substring(1);
        try (ZipFile zip = new ZipFile(blobs.localPath(file.sha256()).toFile(), StandardCharsets.UTF_8)) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null || entry.isDirectory()) {
                return ResponseEntity.notFound().build();
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(entry)) {
                bytes = in.readNBytes((int) MAX_ENTRY_BYTES);
            }
            MediaType type = MediaTypeFactory.getMediaType(entryName).orElse(MediaType.APPLICATION_OCTET_STREAM);
            return ResponseEntity.ok()
                    .contentType(type)
                    .header("Content-Security-Policy", SANDBOX)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "private, max-age=3600")
                    .body(bytes);
        }
    }
}
