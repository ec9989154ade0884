package vn.hoclieu.ingest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Role;
import vn.hoclieu.catalog.CatalogException;
import vn.hoclieu.catalog.Licence;
import vn.hoclieu.catalog.MaterialType;
import vn.hoclieu.catalog.Visibility;
import vn.hoclieu.csv.SpreadsheetText;
import vn.hoclieu.ingest.internal.FolderImporter;
import vn.hoclieu.ingest.internal.ZipImport;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.storage.InsufficientStorageException;
import vn.hoclieu.storage.UploadLimits;

/**
 * Bulk import pages for librarians: send a ZIP, then watch it — counts, a progress bar and each
 * file's outcome, refreshed every two seconds without JavaScript — and download the report.
 */
@Controller
class ImportController {

    static final String NEW_VIEW = "ingest/import-new";
    static final String VIEW = "ingest/import";

    private final IngestService ingest;
    private final AccountService accounts;
    private final LibraryService libraries;
    private final UploadLimits limits;

    ImportController(IngestService ingest, AccountService accounts, LibraryService libraries, UploadLimits limits) {
        this.ingest = ingest;
        this.accounts = accounts;
        this.libraries = libraries;
        this.limits = limits;
    }

    @GetMapping("/imports/new")
    String form(Model model) {
        formModel(model);
        return NEW_VIEW;
    }

    private void formModel(Model model) {
        formModel(model.asMap());
    }

    private void formModel(Map<String, Object> model) {
        model.put("libraries", libraries.all());
        model.put("licences", Licence.values());
        model.put("materialTypes", MaterialType.values());
        model.put("visibilities", Visibility.values());
        if (accounts.currentViewer().has(Role.ADMIN)) {
            model.put("folders", ingest.importableFolders());
            model.put("inbox", ingest.importInbox().toAbsolutePath().toString());
        }
    }

    /** Administrators: a folder put in the import inbox on the server (security allows only them here). */
    @PostMapping("/imports/folder")
    String startFolder(@RequestParam(name = "folder", required = false) String folder,
                       @RequestParam(name = "library", required = false) String library,
                       @RequestParam(required = false) String licence, @RequestParam(required = false) String materialType,
                       @RequestParam(required = false) String visibility, Model model) {
        ImportDefaults defaults = new ImportDefaults(licence, materialType, visibility);
        return ingest.startFolderImport(folder, library == null || library.isBlank() ? null : library, defaults,
                        accounts.currentViewer())
                .map(started -> "redirect:/imports/" + started.id())
                .orElseGet(() -> {
                    formModel(model);
                    model.addAttribute("chosen", defaults);
                    model.addAttribute("folderError", "problem.import.folderNotFound");
                    return NEW_VIEW;
                });
    }

    @PostMapping("/imports")
    String start(@RequestParam(name = "file", required = false) MultipartFile zip,
                 @RequestParam(name = "library", required = false) String library,
                 @RequestParam(required = false) String licence, @RequestParam(required = false) String materialType,
                 @RequestParam(required = false) String visibility, Model model,
                 HttpServletResponse response) throws IOException {
        if (zip != null) {
            limits.checkFile(zip.getSize());
        }
        // what was chosen for every file comes back with the form if it is refused
        ImportDefaults defaults = new ImportDefaults(licence, materialType, visibility);
        model.addAttribute("chosen", defaults);
        model.addAttribute("chosenLibrary", library);
        if (zip == null || zip.isEmpty() || !isZip(zip)) {
            formModel(model);
            model.addAttribute("error", zip == null || zip.isEmpty() ? "problem.import.noZip" : "problem.import.notZip");
            return NEW_VIEW;
        }
        try (InputStream in = zip.getInputStream()) {
            String name = zip.getOriginalFilename() == null ? "import.zip" : zip.getOriginalFilename();
            ImportView started = ingest.startImport(name, in, library == null || library.isBlank() ? null : library,
                    defaults, accounts.currentViewer());
            return "redirect:/imports/" + started.id();
        } catch (InsufficientStorageException e) {
            response.setStatus(e.getStatusCode().value());
            formModel(model);
            model.addAttribute("error", e.messageCode());
            model.addAttribute("errorArgs", e.arguments());
            return NEW_VIEW;
        }
    }

    /** The ZIP crossed {@code hoclieu.upload.*}: the form again, with the limits and the library chosen, as a 413. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        ModelAndView page = new ModelAndView(NEW_VIEW);
        formModel(page.getModelMap());
        page.addObject("error", UploadLimits.MESSAGE_CODE);
        page.addObject("errorArgs", limits.messageArguments());
        page.addObject("chosenLibrary", UploadLimits.typedField(request, "library"));
        page.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
        return page;
    }

    @GetMapping("/imports/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("bulk", find(id));
        return VIEW;
    }

    /**
     * A {@code metadata.csv} to fill in: the columns the importer reads and one example row, with a byte
     * order mark so that a spreadsheet opens its Vietnamese right (the importer reads it with or without).
     */
    @GetMapping("/imports/metadata.csv")
    ResponseEntity<byte[]> manifestTemplate() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("metadata.csv").build().toString())
                .body(FolderImporter.template().getBytes(StandardCharsets.UTF_8));
    }

    /** The per-file report as CSV (UTF-8 with a BOM, so spreadsheet programs show Vietnamese right). */
    @GetMapping("/imports/{id}/report.csv")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        ImportView view = find(id);
        StringBuilder csv = new StringBuilder("\uFEFFfile,state,outcome,resourceId,extraction,message\r\n");
        for (ImportView.Item item : view.items()) {
            csv.append(cell(item.file())).append(',').append(item.state()).append(',')
                    .append(item.outcome() == null ? "" : item.outcome()).append(',')
                    .append(item.resourceId() == null ? "" : item.resourceId()).append(',')
                    .append(item.extraction() == null ? "" : item.extraction()).append(',')
                    .append(cell(item.message())).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("import-" + id + ".csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private ImportView find(long id) {
        return ingest.importStatus(id, accounts.currentViewer())
                .orElseThrow(() -> new CatalogException(HttpStatus.NOT_FOUND, "problem.import.notFound", String.valueOf(id)));
    }

    /** CSV-escapes a value, and defuses the spreadsheet formulas a hostile file name could carry. */
    static String cell(String value) {
        return "\"" + SpreadsheetText.inert(value).replace("\"", "\"\"") + "\"";
    }

    private static boolean isZip(MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return ZipImport.startsLikeZip(in);
        }
    }
}
