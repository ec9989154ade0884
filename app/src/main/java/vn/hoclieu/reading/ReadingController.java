package vn.hoclieu.reading;

import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.collection.CollectionService;

/**
 * The reading programme pages: the list, a programme (join, mark read with a note, progress), and
 * the new-programme form. Plain forms and links; they work without JavaScript and on a phone.
 */
@Controller
class ReadingController {

    static final String LIST = "reading/programmes";
    static final String SHOW = "reading/programme";
    static final String NEW = "reading/new";
    static final String SIGN_IN = "redirect:/signin";

    private final ReadingProgrammes programmes;
    private final Readings readings;
    private final CollectionService collections;
    private final AccountService accounts;

    ReadingController(ReadingProgrammes programmes, Readings readings, CollectionService collections,
                      AccountService accounts) {
        this.programmes = programmes;
        this.readings = readings;
        this.collections = collections;
        this.accounts = accounts;
    }

    @GetMapping("/reading")
    String list(Model model) {
        Viewer viewer = accounts.currentViewer();
        model.addAttribute("listed", programmes.listed(viewer, null));
        model.addAttribute("joined", programmes.joinedBy(viewer));
        model.addAttribute("organised", programmes.organisedBy(viewer));
        model.addAttribute("signedIn", viewer.signedIn());
        return LIST;
    }

    @GetMapping("/reading/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("programme", programmes.find(id, accounts.currentViewer()));
        return SHOW;
    }

    @GetMapping("/reading/new")
    String newProgramme(@RequestParam(required = false) Long collection, Model model) {
        return signedIn(viewer -> {
            if (collection == null) {
                throw new ReadingException(HttpStatus.BAD_REQUEST, "problem.reading.noCollection");
            }
            ProgrammeForm form = new ProgrammeForm();
            form.setCollection(collection);
            collections.find(collection, viewer).ifPresent(c -> {
                form.setTitle(c.title());
                form.setDescription(c.description());
            });
            form.setStartsOn(ReadingProgrammes.today());
            form.setEndsOn(ReadingProgrammes.today().plusDays(29));
            return form(form, viewer, model);
        });
    }

    @PostMapping("/reading")
    String create(@ModelAttribute("form") ProgrammeForm form, BindingResult errors, Model model) {
        return signedIn(viewer -> {
            if (errors.hasErrors()) {
                return form(form, viewer, model);
            }
            try {
                return "redirect:/reading/" + programmes.create(form.toDraft(), viewer).id() + "?created";
            } catch (ReadingException e) {
                reject(e, errors);
                return form(form, viewer, model);
            }
        });
    }

    @GetMapping("/reading/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        return signedIn(viewer -> {
            ProgrammeView p = programmes.find(id, viewer);
            if (!p.organisable()) {
                throw new ReadingException(HttpStatus.FORBIDDEN, "problem.reading.notOrganiser");
            }
            return editForm(p, ProgrammeForm.of(p), model);
        });
    }

    @PostMapping("/reading/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") ProgrammeForm form, BindingResult errors,
                  Model model) {
        return signedIn(viewer -> {
            ProgrammeView p = programmes.find(id, viewer);
            if (!p.organisable()) {
                throw new ReadingException(HttpStatus.FORBIDDEN, "problem.reading.notOrganiser");
            }
            if (errors.hasErrors()) {
                return editForm(p, form, model);
            }
            try {
                programmes.update(id, form.toDraft(), viewer);
                return "redirect:/reading/" + id + "?saved";
            } catch (ReadingException e) {
                reject(e, errors);
                return editForm(p, form, model);
            }
        });
    }

    /** Deleting takes the participants' marks and notes with it: the form asks for a ticked box first. */
    @PostMapping("/reading/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm) {
        return signedIn(viewer -> {
            if (!confirm) {
                programmes.organised(id, viewer);
                return "redirect:/reading/" + id + "/edit?confirmDelete";
            }
            programmes.delete(id, viewer);
            return "redirect:/reading?deleted";
        });
    }

    @PostMapping("/reading/{id}/join")
    String join(@PathVariable long id) {
        return signedIn(viewer -> {
            readings.join(id, viewer);
            return "redirect:/reading/" + id + "?joined";
        });
    }

    @PostMapping("/reading/{id}/read")
    String markRead(@PathVariable long id, @RequestParam long resourceId, @RequestParam(required = false) String note,
                    Model model) {
        return signedIn(viewer -> {
            try {
                readings.markRead(id, resourceId, note, viewer);
            } catch (ReadingException e) {
                if (!"note".equals(e.field())) {
                    throw e;
                }
                // the page again, the note as it was typed beside the message, nothing lost
                model.addAttribute("noteError", e);
                model.addAttribute("noteResource", resourceId);
                model.addAttribute("noteText", note);
                show(id, model);
                return SHOW;
            }
            return "redirect:/reading/" + id + "?marked#material-" + resourceId;
        });
    }

    @PostMapping("/reading/{id}/unread")
    String unmark(@PathVariable long id, @RequestParam long resourceId) {
        return signedIn(viewer -> {
            readings.unmark(id, resourceId, viewer);
            return "redirect:/reading/" + id + "#material-" + resourceId;
        });
    }

    private String form(ProgrammeForm form, Viewer viewer, Model model) {
        if (!programmes.mayOrganise(form.getCollection() == null ? -1 : form.getCollection(), viewer)) {
            throw new ReadingException(HttpStatus.FORBIDDEN, "problem.reading.collectionNotYours");
        }
        model.addAttribute("form", form);
        model.addAttribute("collection", collections.find(form.getCollection(), viewer).orElseThrow());
        return NEW;
    }

    private String editForm(ProgrammeView p, ProgrammeForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("editing", p);
        return NEW;
    }

    /** A refusal the person can mend is shown beside the field; anything else is the error page. */
    private static void reject(ReadingException e, BindingResult errors) {
        if (e.getStatusCode().value() != HttpStatus.BAD_REQUEST.value()) {
            throw e;
        }
        if (e.field() == null) {
            errors.reject(e.messageCode(), e.arguments(), e.messageCode());
        } else {
            errors.rejectValue(e.field(), e.messageCode(), e.arguments(), e.messageCode());
        }
    }

    /** Changes need an account: a visitor is sent to sign in, not shown an error. */
    private String signedIn(Function<Viewer, String> action) {
        Viewer viewer = accounts.currentViewer();
        return viewer.signedIn() ? action.apply(viewer) : SIGN_IN;
    }
}
