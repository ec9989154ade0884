package vn.hoclieu.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.storage.UploadLimits;

/** {@code POST /api/v1/imports} (a ZIP of files, optionally with metadata.csv) and its progress. */
@RestController
@RequestMapping("/api/v1")
class ImportApiController {

    private final IngestService ingest;
    private final AccountService accounts;

    private final UploadLimits limits;

    ImportApiController(IngestService ingest, AccountService accounts, UploadLimits limits) {
        this.limits = limits;
        this.ingest = ingest;
        this.accounts = accounts;
    }

    @PostMapping(path = "/imports", consumes = "multipart/form-data")
    ResponseEntity<ImportView> start(@RequestPart(name = "file", required = false) MultipartFile zip,
                                     @RequestParam(name = "library", required = false) String library,
                                     @RequestParam(required = false) String licence,
                                     @RequestParam(required = false) String materialType,
                                     @RequestParam(required = false) String visibility)
            throws IOException {
        ImportDefaults defaults = new ImportDefaults(licence, materialType, visibility);
        if (zip == null || zip.isEmpty()) {
            throw problem(HttpStatus.BAD_REQUEST, "problem.import.noZip");
        }
        limits.checkFile(zip.getSize());
        try (InputStream in = zip.getInputStream()) {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || (magic[2] != 3 && magic[2] != 5)) {
                throw problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.import.notZip");
            }
        }
        Viewer viewer = accounts.currentViewer();
        String name = zip.getOriginalFilename() == null ? "import.zip" : zip.getOriginalFilename();
        try (InputStream in = zip.getInputStream()) {
            ImportView started = ingest.startImport(name.toLowerCase(Locale.ROOT).endsWith(".zip") ? name : name + ".zip",
                    in, library == null || library.isBlank() ? null : library.strip(), defaults, viewer);
            return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + started.id())).body(started);
        }
    }

    /** Administrators: import a folder from the server's import inbox ({@code folder} = its name there). */
    @PostMapping("/imports/folder")
    ResponseEntity<ImportView> startFolder(@RequestParam(name = "folder", required = false) String folder,
                                           @RequestParam(name = "library", required = false) String library,
                                           @RequestParam(required = false) String licence,
                                           @RequestParam(required = false) String materialType,
                                           @RequestParam(required = false) String visibility) {
        ImportView started = ingest.startFolderImport(folder, library == null || library.isBlank() ? null
                        : library.strip(), new ImportDefaults(licence, materialType, visibility), accounts.currentViewer())
                .orElseThrow(() -> problem(HttpStatus.BAD_REQUEST, "problem.import.folderNotFound",
                        String.valueOf(folder), ingest.importInbox().toAbsolutePath().toString()));
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + started.id())).body(started);
    }

    @GetMapping("/imports/{id}")
    ImportView status(@PathVariable long id) {
        return ingest.importStatus(id, accounts.currentViewer())
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "problem.import.notFound", String.valueOf(id)));
    }

    private static ErrorResponseException problem(HttpStatus status, String code, Object... args) {
        return new ErrorResponseException(status, ProblemDetail.forStatus(status), null, code, args);
    }
}
