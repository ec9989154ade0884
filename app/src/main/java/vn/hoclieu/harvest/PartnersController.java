package vn.hoclieu.harvest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hoclieu.library.LibraryService;

/**
 * {@code /admin/partners}: administrators register partner instances, see each one's harvests
 * (added, updated, deleted, why one failed), switch them on and off, harvest now and delete them.
 * Security lets only administrators in.
 */
@Controller
class PartnersController {

    static final String LIST_VIEW = "harvest/partners";
    static final String PARTNER_VIEW = "harvest/partner";

    private final HarvestService harvest;
    private final LibraryService libraries;
    private final MessageSource messages;

    PartnersController(HarvestService harvest, LibraryService libraries, MessageSource messages) {
        this.harvest = harvest;
        this.libraries = libraries;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model) {
        // partners hold a library's code; the pages name the library
        model.addAttribute("libraryNames", libraries.namesByCode());
    }

    @GetMapping("/admin/partners")
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PartnerForm());
        }
        model.addAttribute("partners", harvest.partners());
        model.addAttribute("libraries", libraries.all());
        return LIST_VIEW;
    }

    @PostMapping("/admin/partners")
    String register(@ModelAttribute("form") PartnerForm form, Model model, RedirectAttributes redirect) {
        try {
            PartnerView created = harvest.register(form);
            return "redirect:/admin/partners/" + created.id() + "?registered";
        } catch (HarvestException e) {
            model.addAttribute("problem", messages.getMessage(e.getDetailMessageCode(), e.getDetailMessageArguments(),
                    e.getDetailMessageCode(), LocaleContextHolder.getLocale()));
            return list(model);
        }
    }

    @GetMapping("/admin/partners/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("partner", harvest.partner(id));
        model.addAttribute("runs", harvest.runs(id));
        return PARTNER_VIEW;
    }

    @PostMapping("/admin/partners/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled) {
        harvest.setEnabled(id, enabled);
        return "redirect:/admin/partners/" + id + (enabled ? "?enabled" : "?disabled");
    }

    @PostMapping("/admin/partners/{id}/harvest")
    String harvestNow(@PathVariable long id) {
        return "redirect:/admin/partners/" + id + (harvest.harvestNow(id) ? "?queued" : "?busy");
    }

    @PostMapping("/admin/partners/{id}/delete")
    String delete(@PathVariable long id) {
        harvest.delete(id);
        return "redirect:/admin/partners?deleted";
    }
}
