package vn.hoclieu.catalog;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.storage.InsufficientStorageException;
import vn.hoclieu.storage.UploadLimits;

/** The upload page for teachers and librarians (plain form; works without JavaScript). */
@Controller
class UploadController {

    static final String VIEW = "catalog/upload";
    private static final String[] TYPED_FIELDS = {"title", "creators", "description", "language", "subjects",
        "audience", "materialType", "licence", "visibility"};

    private final CatalogService catalog;
    private final AccountService accounts;
    private final UploadLimits limits;

    UploadController(CatalogService catalog, AccountService accounts, UploadLimits limits) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.limits = limits;
    }

    @ModelAttribute
    void choices(Model model) {
        choices(model.asMap());
    }

    private void choices(java.util.Map<String, Object> model) {
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
        List<MultipartFile> chosen = files == null ? List.of()
                : files.stream().filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null
                        && !f.getOriginalFilename().isBlank())).toList();
        if (chosen.isEmpty()) {
            errors.reject("problem.upload.noFile");
        }
        if (errors.hasErrors()) {
            return VIEW;
        }
        chosen.forEach(f -> limits.checkFile(f.getSize()));
        try {
            ResourceView created = catalog.submit(form.toDraft(), chosen.stream()
                    .map(f -> new IncomingFile(f.getOriginalFilename(), f.getContentType(), f, f.getSize())).toList(),
                    accounts.currentViewer());
            return "redirect:/resources/" + created.id() + "?uploaded";
        } catch (DuplicateResourceException e) {
            model.addAttribute("duplicateOf", e.existingResourceId());
            errors.reject(e.messageCode(), e.arguments(), e.messageCode());
            return VIEW;
        } catch (CatalogException e) {
            if (e.getStatusCode().value() == 507 || e.getStatusCode().value() == 413) {
                response.setStatus(e.getStatusCode().value()); // a quota: the form stays, the status says why
            }
            errors.reject(e.messageCode(), e.arguments(), e.messageCode());
            return VIEW;
        } catch (InsufficientStorageException e) {
            response.setStatus(e.getStatusCode().value());
            errors.reject(e.messageCode(), e.arguments(), e.messageCode());
            return VIEW;
        }
    }

    /**
     * A file or the whole upload crossed {@code hoclieu.upload.*}: the form comes back with what the
     * person typed and the limits, as a 413.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        UploadForm form = new UploadForm();
        org.springframework.beans.MutablePropertyValues typed = new org.springframework.beans.MutablePropertyValues();
        for (String field : TYPED_FIELDS) {
            String value = UploadLimits.typedField(request, field);
            if (value != null) {
                typed.add(field, value);
            }
        }
        org.springframework.validation.DataBinder binder = new org.springframework.validation.DataBinder(form, "form");
        binder.bind(typed);
        BindingResult errors = binder.getBindingResult();
        errors.reject(UploadLimits.MESSAGE_CODE, limits.messageArguments(), UploadLimits.MESSAGE_CODE);
        ModelAndView page = new ModelAndView(VIEW);
        page.addAllObjects(errors.getModel());
        choices(page.getModelMap());
        page.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
        return page;
    }
}
