package vn.hoclieu.catalog;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.hoclieu.account.AccountService;

/** The upload page for teachers and librarians (plain form; works without JavaScript). */
@Controller
class UploadController {

    static final String VIEW = "catalog/upload";

    private final CatalogService catalog;
    private final AccountService accounts;

    UploadController(CatalogService catalog, AccountService accounts) {
        this.catalog = catalog;
        this.accounts = accounts;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("materialTypes", MaterialType.values());
        model.addAttribute("visibilities", Visibility.values());
        // grouped by the first question of "help me choose": may others use it commercially?
        model.addAttribute("commercialLicences", Licence.commercialChoices());
        model.addAttribute("nonCommercialLicences", Licence.nonCommercialChoices());
        model.addAttribute("allRightsReserved", Licence.ALL_RIGHTS_RESERVED);
    }

    @GetMapping("/upload")
    String form(Model model) {
        model.addAttribute("form", new UploadForm());
        return VIEW;
    }

    @PostMapping("/upload")
    String upload(@Valid @ModelAttribute("form") UploadForm form, BindingResult errors,
                  @RequestParam(name = "file", required = false) List<MultipartFile> files, Model model) {
        List<MultipartFile> chosen = files == null ? List.of()
                : files.stream().filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null
                        && !f.getOriginalFilename().isBlank())).toList();
        if (chosen.isEmpty()) {
            errors.reject("problem.upload.noFile");
        }
        if (errors.hasErrors()) {
            return VIEW;
        }
        try {
            ResourceView created = catalog.submit(form.toDraft(), chosen.stream()
                    .map(f -> new IncomingFile(f.getOriginalFilename(), f.getContentType(), f)).toList(),
                    accounts.currentViewer());
            return "redirect:/resources/" + created.id() + "?uploaded";
        } catch (DuplicateResourceException e) {
            model.addAttribute("duplicateOf", e.existingResourceId());
            errors.reject(e.messageCode(), e.arguments(), e.messageCode());
            return VIEW;
        } catch (CatalogException e) {
            errors.reject(e.messageCode(), e.arguments(), e.messageCode());
            return VIEW;
        }
    }
}
