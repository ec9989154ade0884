package vn.hoclieu.library;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Administrators register libraries and correct them (security lets only them in). Librarians are
 * accounts: each library's page links to the account form with the library chosen.
 */
@Controller
class LibraryAdminController {

    static final String LIST_VIEW = "library/admin-libraries";
    static final String EDIT_VIEW = "library/admin-library";

    private final LibraryService libraries;

    LibraryAdminController(LibraryService libraries) {
        this.libraries = libraries;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("types", LibraryType.values());
    }

    @GetMapping("/admin/libraries")
    String list(Model model) {
        model.addAttribute("libraries", libraries.all());
        model.addAttribute("form", new LibraryForm());
        return LIST_VIEW;
    }

    @PostMapping("/admin/libraries")
    String create(@ModelAttribute("form") LibraryForm form, BindingResult errors, Model model) {
        try {
            LibraryView created = libraries.create(form);
            return "redirect:/admin/libraries/" + created.code() + "?created";
        } catch (LibraryException e) {
            reject(errors, e);
            model.addAttribute("libraries", libraries.all());
            return LIST_VIEW;
        }
    }

    @GetMapping("/admin/libraries/{code}")
    String show(@PathVariable String code, Model model) {
        LibraryView library = libraries.byCode(code).orElseThrow(() -> LibraryService.notFound(code));
        model.addAttribute("library", library);
        model.addAttribute("form", LibraryForm.of(library));
        return EDIT_VIEW;
    }

    @PostMapping("/admin/libraries/{code}")
    String update(@PathVariable String code, @ModelAttribute("form") LibraryForm form, BindingResult errors,
                  Model model) {
        LibraryView library = libraries.byCode(code).orElseThrow(() -> LibraryService.notFound(code));
        try {
            libraries.update(code, form);
            return "redirect:/admin/libraries/" + library.code() + "?saved";
        } catch (LibraryException e) {
            reject(errors, e);
            model.addAttribute("library", library);
            return EDIT_VIEW;
        }
    }

    private static void reject(BindingResult errors, LibraryException e) {
        if (e.field() != null) {
            errors.rejectValue(e.field(), e.messageCode(), e.arguments(), e.messageCode());
        } else {
            errors.reject(e.messageCode(), e.arguments(), e.messageCode());
        }
    }
}
