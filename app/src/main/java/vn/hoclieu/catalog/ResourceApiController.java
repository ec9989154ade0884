package vn.hoclieu.catalog;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.storage.UploadLimits;

/** {@code /api/v1/resources}: upload, describe and download, as the public contract (docs/api.md) says. */
@RestController
@RequestMapping("/api/v1")
class ResourceApiController {

    private final CatalogReads catalog;
    private final Uploads uploads;
    private final HarvestedFiles harvestedFiles;
    private final AccountService accounts;
    private final JsonMapper json;
    private final UsageService usage;
    private final Attributions attributions;
    private final MessageSource messages;

    private final UploadLimits limits;
    private final Submissions submissions;

    ResourceApiController(CatalogReads catalog, Uploads uploads, HarvestedFiles harvestedFiles, AccountService accounts, JsonMapper json, UsageService usage,
                          Attributions attributions, MessageSource messages,
                          UploadLimits limits, Submissions submissions) {
        this.limits = limits;
        this.submissions = submissions;
        this.attributions = attributions;
        this.messages = messages;
        this.catalog = catalog;
        this.uploads = uploads;
        this.harvestedFiles = harvestedFiles;
        this.accounts = accounts;
        this.json = json;
        this.usage = usage;
    }

    @PostMapping(path = "/resources", consumes = "multipart/form-data")
    ResponseEntity<ResourceView> upload(@RequestPart(name = "file", required = false) List<MultipartFile> files,
                                        @RequestPart(name = "metadata", required = false) Part metadata) {
        if (files == null || files.isEmpty()) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.noFile");
        }
        files.forEach(f -> limits.checkFile(f.getSize()));
        ResourceDraft draft = readDraft(metadata);
        List<IncomingFile> incoming = files.stream()
                .map(f -> new IncomingFile(f.getOriginalFilename(), f.getContentType(), f, f.getSize()))
                .toList();
        ResourceView created = uploads.submit(draft, incoming, accounts.currentViewer());
        return ResponseEntity.created(URI.create("/api/v1/resources/" + created.id())).body(created);
    }

    /**
     * A teacher puts other bytes in place of a file of their own submission while it waits for review
     * ({@link Submissions#replaceFile}): 200 with the resource, its file read again.
     */
    @PostMapping(path = "/resources/{id}/files/{fileId}/replace", consumes = "multipart/form-data")
    ResourceView replaceFile(@PathVariable long id, @PathVariable long fileId,
                             @RequestPart(name = "file", required = false) MultipartFile file) {
        if (file != null) {
            limits.checkFile(file.getSize());
        }
        return submissions.replaceFile(id, fileId, file == null ? null
                : new IncomingFile(file.getOriginalFilename(), file.getContentType(), file, file.getSize()),
                accounts.currentViewer());
    }

    @GetMapping("/resources/{id}")
    ResourceView get(@PathVariable long id) {
        return catalog.find(id, accounts.currentViewer(), Reading.WITH_GRANTS).orElseThrow(() -> notFound(id));
    }

    /** The credit line to copy, in the caller's language ({@code Accept-Language}, {@code ?lang=}). */
    @GetMapping("/resources/{id}/attribution")
    Attribution attribution(@PathVariable long id) {
        ResourceView resource = catalog.find(id, accounts.currentViewer()).orElseThrow(() -> notFound(id));
        return attributions.of(resource, ResourceController.pageUrl(id),
                LocaleContextHolder.getLocale());
    }

    /** The licences the upload form offers, with what each lets others do. */
    @GetMapping("/licences")
    List<LicenceView> licences() {
        return Arrays.stream(Licence.values()).map(l -> LicenceView.of(l, messages)).toList();
    }

    @GetMapping("/resources/{id}/files/{fileId}/content")
    ResponseEntity<org.springframework.core.io.Resource> content(@PathVariable long id, @PathVariable long fileId,
            @RequestParam(defaultValue = "false") boolean download, WebRequest request) {
        ResourceView.FileView file = harvestedFiles.localFile(id, fileId, accounts.currentViewer(), Reading.WITH_GRANTS)
                .orElseThrow(() -> notFound(id));
        if (FileResponses.isDownload(file, download) && startsAtZero(request.getHeader("Range"))) {
            usage.downloaded(id, accounts.currentViewer(), Visitors.of(request), request.getHeader("User-Agent"));
        }
        return FileResponses.serve(file, catalog.content(file), download, request);
    }

    /** A player fetching a file in pieces asks for the first piece once: only that counts. */
    private static boolean startsAtZero(String range) {
        return range == null || range.replace(" ", "").startsWith("bytes=0-");
    }

    @GetMapping("/resources/{id}/thumbnail")
    ResponseEntity<org.springframework.core.io.Resource> thumbnail(@PathVariable long id, WebRequest request) {
        org.springframework.core.io.Resource image = catalog.thumbnail(id, accounts.currentViewer(), Reading.WITH_GRANTS)
                .orElseThrow(() -> notFound(id));
        String etag = "\"" + image.getFilename() + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).build();
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).eTag(etag)
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(image);
    }

    private ResourceDraft readDraft(Part metadata) {
        if (metadata == null) {
            return ResourceDraft.empty();
        }
        try (InputStream in = metadata.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                return ResourceDraft.empty();
            }
            // lenient where it costs nothing: "subjects": "Toán" is read as ["Toán"]
            return json.readerFor(ResourceDraft.class)
                    .with(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                    .readValue(bytes);
        } catch (JacksonException e) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.badMetadata",
                    e.getOriginalMessage());
        } catch (IOException e) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.badMetadata", e.getMessage());
        }
    }

    static CatalogException notFound(long id) {
        // The same answer whether the resource does not exist or may not be seen: nothing leaks.
        return new CatalogException(HttpStatus.NOT_FOUND, "problem.resource.notFound", String.valueOf(id));
    }
}
