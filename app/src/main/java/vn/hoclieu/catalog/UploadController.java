package vn.hoclieu.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.storage.InsufficientStorageException;
import vn.hoclieu.storage.UploadLimits;

/**
 * The upload page for teachers and librarians. A plain multipart form that works without
 * JavaScript; with it ({@code static/js/upload.js}) files can be dropped, and each material is
 * sent on its own to {@code POST /upload/files} with a progress bar per file. Both go through the
 * browser session with the page's CSRF token (the REST API takes a session only for reads).
 * After the upload the uploader confirms the description extraction filled in ({@code /upload/{id}}).
 */
@Controller
class UploadController {

    static final String VIEW = "catalog/upload";
    static final String RESULTS_VIEW = "catalog/uploaded";
    static final String DESCRIBE_VIEW = "catalog/describe";
    /** Longest description suggested from a file's text. */
    static final int SUGGESTED_DESCRIPTION = 300;
    private static final String[] TYPED_FIELDS = {"title", "creators", "description", "language", "subjects",
        "audience", "materialType", "licence", "visibility", "separate"};

    private final CatalogReads catalog;
    private final Uploads uploads;
    private final ResourcePermissions permissions;
    private final ReviewService review;
    private final AccountService accounts;
    private final MessageSource messages;
    private final UploadLimits limits;
    private final LanguageNames languageNames;

    UploadController(CatalogReads catalog, Uploads uploads, ResourcePermissions permissions, ReviewService review,
                     AccountService accounts, MessageSource messages, UploadLimits limits,
                     LanguageNames languageNames) {
        this.uploads = uploads;
        this.permissions = permissions;
        this.catalog = catalog;
        this.review = review;
        this.accounts = accounts;
        this.messages = messages;
        this.limits = limits;
        this.languageNames = languageNames;
    }

    @ModelAttribute
    void choices(Model model) {
        choices(model.asMap());
    }

    private void choices(Map<String, Object> model) {
        model.put("uploadLimits", limits.messageArguments());
        model.put("materialTypes", MaterialType.values());
        model.put("visibilities", Visibility.values());
        // grouped by the first question of "help me choose": may others use it commercially?
        model.put("commercialLicences", Licence.commercialChoices());
        model.put("nonCommercialLicences", Licence.nonCommercialChoices());
        model.put("allRightsReserved", Licence.ALL_RIGHTS_RESERVED);
    }

    @GetMapping("/upload")
    String form(Model model) {
        model.addAttribute("form", new UploadForm());
        return VIEW;
    }

    @PostMapping("/upload")
    String upload(@Valid @ModelAttribute("form") UploadForm form, BindingResult errors,
                  @RequestParam(name = "file", required = false) List<MultipartFile> files, Model model,
                  HttpServletResponse response) {
        List<MultipartFile> chosen = chosen(files);
        if (chosen.isEmpty()) {
            errors.reject("problem.upload.noFile");
        }
        if (errors.hasErrors()) {
            return VIEW;
        }
        chosen.forEach(f -> limits.checkFile(f.getSize()));
        List<List<MultipartFile>> materials = form.isSeparate() ? materials(chosen) : List.of(chosen);
        if (materials.size() == 1) {
            try {
                return "redirect:/upload/" + submit(form, materials.get(0)).id() + "?uploaded";
            } catch (DuplicateResourceException e) {
                response.setStatus(HttpStatus.CONFLICT.value()); // the form stays, with a link to the existing copy
                model.addAttribute("duplicateOf", e.existingResourceId());
                errors.reject(e.messageCode(), e.arguments(), e.messageCode());
                return VIEW;
            } catch (CatalogException e) {
                response.setStatus(e.getStatusCode().value()); // a quota, a library to choose…: the form stays
                errors.reject(e.messageCode(), e.arguments(), e.messageCode());
                return VIEW;
            } catch (InsufficientStorageException e) {
                response.setStatus(e.getStatusCode().value());
                errors.reject(e.messageCode(), e.arguments(), e.messageCode());
                return VIEW;
            }
        }
        // several materials: each stands or fails on its own, and the page says which did what
        List<Outcome> outcomes = new ArrayList<>();
        for (List<MultipartFile> material : materials) {
            outcomes.add(outcome(form, material));
        }
        model.addAttribute("outcomes", outcomes);
        return RESULTS_VIEW;
    }

    /**
     * One material from the page's script: the files of one request become one resource. Answers
     * JSON — 201 with where to confirm its description, or a problem with a message to show
     * (and, for a duplicate, the existing resource).
     */
    @PostMapping(path = "/upload/files", produces = "application/json")
    @ResponseBody
    ResponseEntity<?> uploadOne(@Valid @ModelAttribute("form") UploadForm form, BindingResult errors,
                                @RequestParam(name = "file", required = false) List<MultipartFile> files) {
        List<MultipartFile> chosen = chosen(files);
        if (chosen.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, text("problem.upload.noFile"), null);
        }
        if (errors.hasErrors()) {
            return problem(HttpStatus.BAD_REQUEST, messages.getMessage(errors.getAllErrors().get(0),
                    LocaleContextHolder.getLocale()), null);
        }
        chosen.forEach(f -> limits.checkFile(f.getSize()));
        Outcome outcome = outcome(form, chosen);
        if (outcome.id() != null) {
            return ResponseEntity.created(URI.create(outcome.describe())).body(outcome);
        }
        return problem(outcome.duplicateOf() != null ? HttpStatus.CONFLICT : outcome.status(), outcome.message(),
                outcome.duplicateOf());
    }

    /** The uploader's confirmation page: each file's reading, and the description to confirm. */
    @GetMapping("/upload/{id}")
    String describeForm(@PathVariable long id, Model model) {
        Viewer viewer = accounts.currentViewer();
        ResourceView resource = describable(id, viewer);
        UploadStatus status = status(resource, viewer);
        model.addAttribute("form", DescribeForm.of(resource, status.description()));
        return describeView(resource, status, model);
    }

    @PostMapping("/upload/{id}")
    String describe(@PathVariable long id, @Valid @ModelAttribute("form") DescribeForm form, BindingResult errors,
                    Model model) {
        Viewer viewer = accounts.currentViewer();
        ResourceView resource = describable(id, viewer);
        if (!errors.hasErrors()) {
            try {
                review.describe(id, form.toDraft(), viewer);
                return "redirect:/resources/" + id + "?edited";
            } catch (CatalogException e) {
                if (e.getStatusCode().value() != HttpStatus.BAD_REQUEST.value()) {
                    throw e;
                }
                errors.reject(e.messageCode(), e.arguments(), e.messageCode());
            }
        }
        return describeView(resource, status(resource, viewer), model);
    }

    /** What the confirmation page polls while the files are read. */
    @GetMapping(path = "/upload/{id}/status", produces = "application/json")
    @ResponseBody
    UploadStatus status(@PathVariable long id) {
        Viewer viewer = accounts.currentViewer();
        return status(describable(id, viewer), viewer);
    }

    private String describeView(ResourceView resource, UploadStatus status, Model model) {
        model.addAttribute("resource", resource);
        model.addAttribute("status", status);
        return DESCRIBE_VIEW;
    }

    private ResourceView describable(long id, Viewer viewer) {
        ResourceView resource = catalog.find(id, viewer).orElseThrow(() -> ResourceApiController.notFound(id));
        if (!permissions.mayDescribe(id, viewer)) {
            throw new CatalogException(HttpStatus.FORBIDDEN, "problem.describe.reviewed");
        }
        return resource;
    }

    UploadStatus status(ResourceView r, Viewer viewer) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean done = r.files().stream().noneMatch(f -> f.extraction().status() == ExtractionStatus.PENDING);
        List<UploadStatus.FileState> files = r.files().stream().map(f -> new UploadStatus.FileState(f.id(), f.name(),
                f.extraction().status().name(),
                messages.getMessage("extraction." + f.extraction().status().name(), null, locale),
                f.extraction().explanation() != null ? f.extraction().explanation() : f.extraction().reason(),
                f.extraction().explanation() != null ? f.extraction().reason() : null)).toList();
        Map<Long, UploadStatus.Similar> similar = new LinkedHashMap<>();
        for (ResourceView.FileView f : r.files()) {
            if (f.nearDuplicate() != null && f.nearDuplicate().resourceId() != r.id()) {
                long other = f.nearDuplicate().resourceId();
                int percent = f.nearDuplicate().similarity() == null ? 0
                        : (int) Math.round(f.nearDuplicate().similarity() * 100);
                // named and linked only if the uploader may see it: nothing about hidden material leaks
                catalog.find(other, viewer).ifPresent(o -> similar.putIfAbsent(other,
                        new UploadStatus.Similar(other, o.title(), "/resources/" + other, percent)));
            }
        }
        String description = r.description();
        if ((description == null || description.isBlank()) && done) {
            description = catalog.text(r.id(), viewer, Reading.VIEWER_ONLY).map(UploadController::opening)
                    .orElse(null);
        }
        return new UploadStatus(r.id(), done, r.title(), String.join("; ", r.creators()), description, r.language(),
                String.join("; ", r.subjects()), files, List.copyOf(similar.values()),
                languageNames.name(r.language(), locale));
    }

    /** The first sentences of a text, at most {@link #SUGGESTED_DESCRIPTION} characters, cut at a word. */
    static String opening(String text) {
        String flat = text.replace('\f', ' ').replaceAll("\\s+", " ").strip();
        if (flat.isEmpty()) {
            return null;
        }
        if (flat.length() <= SUGGESTED_DESCRIPTION) {
            return flat;
        }
        String head = flat.substring(0, SUGGESTED_DESCRIPTION);
        int sentence = Math.max(head.lastIndexOf(". "), Math.max(head.lastIndexOf("! "), head.lastIndexOf("? ")));
        if (sentence > SUGGESTED_DESCRIPTION / 3) {
            return head.substring(0, sentence + 1);
        }
        int space = head.lastIndexOf(' ');
        return (space > 0 ? head.substring(0, space) : head) + " …";
    }

    private ResourceView submit(UploadForm form, List<MultipartFile> files) {
        return uploads.submit(form.toDraft(), files.stream()
                .map(f -> new IncomingFile(f.getOriginalFilename(), f.getContentType(), f, f.getSize())).toList(),
                accounts.currentViewer());
    }

    private Outcome outcome(UploadForm form, List<MultipartFile> material) {
        List<String> names = material.stream().map(MultipartFile::getOriginalFilename).toList();
        try {
            ResourceView created = submit(form, material);
            return new Outcome(names, created.id(), created.title(), "/upload/" + created.id(),
                    "/resources/" + created.id(), null, null, HttpStatus.CREATED);
        } catch (DuplicateResourceException e) {
            return new Outcome(names, null, null, null, null, text(e.messageCode(), e.arguments()),
                    e.existingResourceId(), HttpStatus.CONFLICT);
        } catch (CatalogException e) {
            return new Outcome(names, null, null, null, null, text(e.messageCode(), e.arguments()), null,
                    HttpStatus.valueOf(e.getStatusCode().value()));
        } catch (InsufficientStorageException e) {
            return new Outcome(names, null, null, null, null, text(e.messageCode(), e.arguments()), null,
                    HttpStatus.INSUFFICIENT_STORAGE);
        }
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, Long existing) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        if (existing != null) {
            body.setProperty("existingResourceId", existing);
            body.setProperty("existing", "/resources/" + existing);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private String text(String code, Object... arguments) {
        return messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
    }

    /** The files actually chosen (a browser sends an empty part when none was). */
    private static List<MultipartFile> chosen(List<MultipartFile> files) {
        return files == null ? List.of()
                : files.stream().filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null
                        && !f.getOriginalFilename().isBlank())).toList();
    }

    /** Files as separate materials, as {@link Subtitles} groups them: a subtitle joins its video or audio. */
    static List<List<MultipartFile>> materials(List<MultipartFile> files) {
        return Subtitles.group(files, MultipartFile::getOriginalFilename);
    }

    /**
     * How the page's script splits the chosen files into materials, so that it sends the same
     * groups this page would make: the file names in, each material's positions in that list out.
     */
    @PostMapping(path = "/upload/materials", consumes = "application/json", produces = "application/json")
    @ResponseBody
    List<List<Integer>> materialPositions(@RequestBody List<String> names) {
        List<Integer> positions = IntStream.range(0, names.size()).boxed().toList();
        return Subtitles.group(positions, names::get);
    }

    /**
     * A file or the whole upload crossed {@code hoclieu.upload.*}: the form comes back with what the
     * person typed and the limits, as a 413 (the page's script gets the same as a JSON problem).
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        if (request.getRequestURI().endsWith("/upload/files")) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, text(UploadLimits.MESSAGE_CODE, limits.messageArguments()), null);
        }
        UploadForm form = new UploadForm();
        MutablePropertyValues typed = new MutablePropertyValues();
        for (String field : TYPED_FIELDS) {
            String value = UploadLimits.typedField(request, field);
            if (value != null) {
                typed.add(field, value);
            }
        }
        DataBinder binder = new DataBinder(form, "form");
        binder.bind(typed);
        BindingResult errors = binder.getBindingResult();
        errors.reject(UploadLimits.MESSAGE_CODE, limits.messageArguments(), UploadLimits.MESSAGE_CODE);
        ModelAndView page = new ModelAndView(VIEW);
        page.addAllObjects(errors.getModel());
        choices(page.getModelMap());
        page.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
        return page;
    }

    /**
     * What became of one material: created (with where to confirm its description and its page),
     * or refused with a message in the uploader's language (and the existing resource if the
     * bytes are already in the catalogue).
     */
    record Outcome(List<String> files, Long id, String title, String describe, String page, String message,
                   Long duplicateOf, @JsonIgnore HttpStatus status) {
    }
}
