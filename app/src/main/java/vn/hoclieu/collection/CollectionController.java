package vn.hoclieu.collection;

import jakarta.validation.Valid;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.CatalogException;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;

/** The collection pages: plain forms and links, no JavaScript (reordering is an up and a down button). */
@Controller
class CollectionController {

    static final String LIST = "collection/collections";
    static final String SHOW = "collection/collection";
    private static final String SIGN_IN = "redirect:/signin";
    /** The id of the resource page's "add to collection" section (templates/collection/add.html). */
    static final String ADD_FORM = "bo-suu-tap";
    private static final int PAGE_SIZE = 20;

    private final CollectionService collections;
    private final AccountService accounts;
    private final LibraryService libraries;
    private final List<CollectionPageParts> parts;

    CollectionController(CollectionService collections, AccountService accounts, LibraryService libraries,
                         List<CollectionPageParts> parts) {
        this.collections = collections;
        this.accounts = accounts;
        this.libraries = libraries;
        this.parts = parts;
    }

    @GetMapping("/collections")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("form", new CollectionForm());
        return listPage(Math.max(0, page), model);
    }

    /**
     * A new collection. From a resource's page ({@code resourceId} given) the collection is made for that
     * material: it is added at once and the person goes back to the material, told where it went.
     */
    @PostMapping("/collections")
    String create(@Valid @ModelAttribute("form") CollectionForm form, BindingResult errors,
                  @RequestParam(required = false) Long resourceId, Model model) {
        return signedIn(viewer -> {
            // a refusal shows the form again with what was typed, still for the same material
            model.addAttribute("forResource", resourceId);
            if (errors.hasErrors()) {
                return listPage(0, model);
            }
            try {
                if (resourceId == null) {
                    return "redirect:/collections/" + collections.create(form.toDraft(libraryCode(viewer)), viewer).id();
                }
                CollectionView created = collections.createFor(form.toDraft(libraryCode(viewer)), resourceId,
                        form.getNote(), viewer);
                return backToResource(resourceId, created.id());
            } catch (CatalogException e) {
                errors.reject(e.messageCode(), e.arguments(), e.messageCode());
                return listPage(0, model);
            }
        });
    }

    @GetMapping("/collections/{id}")
    String show(@PathVariable long id, Model model) {
        Viewer viewer = accounts.currentViewer();
        CollectionView c = collections.find(id, viewer).orElseThrow(() -> CollectionService.notFound(id));
        model.addAttribute("collection", c);
        parts.forEach(p -> model.addAllAttributes(p.parts(id, viewer)));
        model.addAttribute("hiddenFromReaders", collections.hiddenFromReaders(id,
                Boolean.TRUE.equals(model.getAttribute(CollectionPageParts.SHARED_BY_LINK)), viewer));
        if (c.editable() && !model.containsAttribute("form")) {
            model.addAttribute("form", CollectionForm.of(c));
        }
        return SHOW;
    }

    @PostMapping("/collections/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") CollectionForm form, BindingResult errors,
                  Model model) {
        return signedIn(viewer -> {
            if (errors.hasErrors()) {
                return show(id, model);
            }
            collections.update(id, new CollectionDraft(form.getTitle(), form.getDescription() == null ? ""
                    : form.getDescription(), form.getVisibility(), null), viewer);
            return "redirect:/collections/" + id + "?saved";
        });
    }

    @PostMapping("/collections/{id}/delete")
    String delete(@PathVariable long id) {
        return signedIn(viewer -> {
            collections.delete(id, viewer);
            return "redirect:/collections?deleted";
        });
    }

    /** The form on a resource's page: the person stays on the material, told where it went. */
    @PostMapping("/collections/items")
    String add(@RequestParam long collectionId, @RequestParam long resourceId,
               @RequestParam(required = false) String note) {
        return signedIn(viewer -> {
            collections.addItem(collectionId, resourceId, note, viewer);
            return backToResource(resourceId, collectionId);
        });
    }

    @PostMapping("/collections/{id}/items/{resourceId}/note")
    String note(@PathVariable long id, @PathVariable long resourceId, @RequestParam(required = false) String note) {
        return signedIn(viewer -> {
            collections.noteItem(id, resourceId, note, viewer);
            return "redirect:/collections/" + id + "?noted#item-" + resourceId;
        });
    }

    @PostMapping("/collections/{id}/items/{resourceId}/up")
    String up(@PathVariable long id, @PathVariable long resourceId) {
        return move(id, resourceId, -1);
    }

    @PostMapping("/collections/{id}/items/{resourceId}/down")
    String down(@PathVariable long id, @PathVariable long resourceId) {
        return move(id, resourceId, 1);
    }

    @PostMapping("/collections/{id}/items/{resourceId}/remove")
    String remove(@PathVariable long id, @PathVariable long resourceId) {
        return signedIn(viewer -> {
            collections.removeItem(id, resourceId, viewer);
            return "redirect:/collections/" + id;
        });
    }

    private String move(long id, long resourceId, int direction) {
        return signedIn(viewer -> {
            collections.move(id, resourceId, direction, viewer);
            // back to the item that moved, so that pressing again moves it again
            return "redirect:/collections/" + id + "#item-" + resourceId;
        });
    }

    private static String backToResource(long resourceId, long collectionId) {
        return "redirect:/resources/" + resourceId + "?addedTo=" + collectionId + "#" + ADD_FORM;
    }

    /** Changes need an account: a visitor whose session ended is sent to sign in, not shown an error. */
    private String signedIn(Function<Viewer, String> action) {
        Viewer viewer = accounts.currentViewer();
        return viewer.signedIn() ? action.apply(viewer) : SIGN_IN;
    }

    private String listPage(int page, Model model) {
        Viewer viewer = accounts.currentViewer();
        // one more than the page holds, to know whether there is a next page
        var shown = collections.publicCollections(viewer, 0, (page + 1) * PAGE_SIZE + 1);
        model.addAttribute("publicCollections",
                shown.subList(Math.min(page * PAGE_SIZE, shown.size()), Math.min((page + 1) * PAGE_SIZE, shown.size())));
        model.addAttribute("page", page);
        model.addAttribute("hasNext", shown.size() > (page + 1) * PAGE_SIZE);
        model.addAttribute("mine", collections.managedBy(viewer));
        model.addAttribute("signedIn", viewer.signedIn());
        model.addAttribute("libraryCode", viewer.has(Role.LIBRARIAN) ? libraryCode(viewer) : null);
        return LIST;
    }

    private String libraryCode(Viewer viewer) {
        return libraries.byId(viewer.libraryId()).map(LibraryView::code).orElse(null);
    }
}
