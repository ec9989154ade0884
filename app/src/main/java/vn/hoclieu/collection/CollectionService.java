package vn.hoclieu.collection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.CatalogException;
import vn.hoclieu.catalog.CatalogReads;
import vn.hoclieu.catalog.ResourceView;
import vn.hoclieu.collection.internal.CollectionItem;
import vn.hoclieu.collection.internal.CollectionRepository;
import vn.hoclieu.collection.internal.ResourceCollection;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;

/**
 * Collections: curated, ordered lists of resources owned by a person or a library. Two rules hold
 * on every path: a private collection does not exist for anyone but its owner (404, as for a
 * resource), and a collection never shows or counts an item the viewer may not see (each item is
 * passed through the catalogue's visibility rule for that viewer).
 */
@Service
public class CollectionService {

    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_NOTE = 1000;

    private final CollectionRepository collections;
    private final CatalogReads catalog;
    private final LibraryService libraries;
    private final AccountService accounts;
    private final TransactionTemplate tx;
    private final List<CollectionGrants> grants;

    CollectionService(CollectionRepository collections, CatalogReads catalog, LibraryService libraries,
                      AccountService accounts, TransactionTemplate tx, List<CollectionGrants> grants) {
        this.collections = collections;
        this.catalog = catalog;
        this.libraries = libraries;
        this.accounts = accounts;
        this.tx = tx;
        this.grants = grants;
    }

    /** Public collections, newest first. */
    public List<CollectionView> publicCollections(Viewer viewer, int page, int size) {
        return read(() -> collections.findByVisibilityOrderByCreatedAtDescIdDesc(CollectionVisibility.PUBLIC,
                PageRequest.of(Math.max(0, page), Math.max(1, Math.min(size, 1000)))), viewer);
    }

    /** The viewer's own collections and, for a librarian, their library's; most recently changed first. */
    public List<CollectionView> managedBy(Viewer viewer) {
        if (!viewer.signedIn()) {
            return List.of();
        }
        Long library = viewer.has(Role.LIBRARIAN) ? viewer.libraryId() : null;
        return read(() -> collections.managedBy(viewer.accountId(), library), viewer);
    }

    /** A library's public collections, newest first: for the library's public page. */
    public List<CollectionView> publicCollectionsOf(long libraryId, Viewer viewer) {
        return read(() -> collections.findByOwnerLibraryIdAndVisibilityOrderByCreatedAtDescIdDesc(libraryId,
                CollectionVisibility.PUBLIC), viewer);
    }

    /** The collection, if the viewer may see it, or the request carries a share link to it. */
    public Optional<CollectionView> find(long id, Viewer viewer) {
        return tx.execute(s -> collections.findById(id)
                .filter(c -> canView(viewer, c) || grants.stream().anyMatch(g -> g.grantsCollection(id)))
                .map(c -> view(c, viewer)));
    }

    /** Whether the viewer may make share links for the collection: whoever may change it. */
    public boolean mayShare(long id, Viewer viewer) {
        return Boolean.TRUE.equals(tx.execute(s -> collections.findById(id)
                .filter(c -> canView(viewer, c) && canEdit(viewer, c)).isPresent()));
    }

    /** Whether the viewer sees the collection on their own rights (not through a link). */
    public boolean visibleTo(long id, Viewer viewer) {
        return Boolean.TRUE.equals(tx.execute(s -> collections.findById(id).filter(c -> canView(viewer, c)).isPresent()));
    }

    /**
     * Creates a collection owned by the viewer, or by a library when {@code draft.library()} names
     * one whose librarian they are.
     */
    public CollectionView create(CollectionDraft draft, Viewer by) {
        if (!by.signedIn()) {
            throw new CatalogException(HttpStatus.UNAUTHORIZED, "problem.collection.signIn");
        }
        String title = title(draft.title());
        CollectionVisibility visibility = visibility(draft.visibility(), CollectionVisibility.PRIVATE);
        Long library = ownerLibrary(draft.library(), by);
        return tx.execute(s -> {
            ResourceCollection c = new ResourceCollection(title, description(draft.description()), visibility,
                    library == null ? by.accountId() : null, library, by.username());
            collections.saveAndFlush(c);
            return view(c, by);
        });
    }

    /** A new collection made for one material, which it holds from the start; all or nothing. */
    public CollectionView createFor(CollectionDraft draft, long resourceId, String note, Viewer by) {
        return tx.execute(s -> {
            CollectionView created = create(draft, by);
            addItem(created.id(), resourceId, note, by);
            return created;
        });
    }

    /** Changes title, description or visibility; null fields stay as they are. */
    public CollectionView update(long id, CollectionDraft changes, Viewer by) {
        return change(id, by, c -> {
            c.describe(changes.title() == null ? c.getTitle() : title(changes.title()),
                    changes.description() == null ? c.getDescription() : description(changes.description()),
                    visibility(changes.visibility(), c.getVisibility()));
            return true;
        });
    }

    public void delete(long id, Viewer by) {
        tx.executeWithoutResult(s -> collections.delete(editable(id, by)));
    }

    /**
     * Adds a resource the person may see at the end (or changes its note if it is already in).
     *
     * @return whether it was new
     */
    public boolean addItem(long id, long resourceId, String note, Viewer by) {
        if (catalog.find(resourceId, by).isEmpty()) {
            throw new CatalogException(HttpStatus.NOT_FOUND, "problem.resource.notFound", String.valueOf(resourceId));
        }
        String cleanNote = limited(note, MAX_NOTE, "note");
        return write(() -> tx.execute(s -> {
            ResourceCollection c = editable(id, by);
            boolean added = c.add(resourceId, cleanNote);
            collections.saveAndFlush(c);
            return added;
        }));
    }

    /** Changes (or, blank, clears) the note of an item the person sees. */
    public CollectionView noteItem(long id, long resourceId, String note, Viewer by) {
        String cleanNote = limited(note, MAX_NOTE, "note");
        return change(id, by, c -> {
            if (!visibleItemIds(c, by).contains(resourceId) || !c.note(resourceId, cleanNote)) {
                throw notInCollection(resourceId);
            }
            return true;
        });
    }

    /**
     * The items of the collection that the person sees but some of its readers would not: for a public
     * collection (or a private one opened by a share link, which lets anyone in), a visitor who is not
     * signed in. Each reader is shown only what they may see, so such an item silently drops out of the
     * list they get; its owner is told. Empty for a private collection without share links, whose
     * readers are its owners, and for anyone who may not change the collection.
     *
     * @param sharedByLink whether the collection has a working share link
     */
    public List<Long> hiddenFromReaders(long id, boolean sharedByLink, Viewer viewer) {
        return tx.execute(s -> collections.findById(id)
                .filter(c -> canView(viewer, c) && canEdit(viewer, c))
                .filter(c -> c.getVisibility() == CollectionVisibility.PUBLIC || sharedByLink)
                .map(c -> {
                    List<Long> mine = visibleItemIds(c, viewer);
                    Map<Long, ResourceView> readers = catalog.findVisible(mine, Viewer.ANONYMOUS);
                    return mine.stream().filter(r -> !readers.containsKey(r)).toList();
                }).orElse(List.of()));
    }

    public CollectionView removeItem(long id, long resourceId, Viewer by) {
        return change(id, by, c -> {
            if (!visibleItemIds(c, by).contains(resourceId) || !c.remove(resourceId)) {
                throw notInCollection(resourceId);
            }
            return true;
        });
    }

    /**
     * Orders the items: the named ones first, in that order (each must be an item the person sees,
     * once); the others keep their order after them.
     */
    public CollectionView reorder(long id, List<Long> resourceIds, Viewer by) {
        if (resourceIds == null || new HashSet<>(resourceIds).size() != resourceIds.size()) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.collection.badOrder");
        }
        return change(id, by, c -> {
            List<Long> visible = visibleItemIds(c, by);
            resourceIds.stream().filter(r -> !visible.contains(r)).findFirst().ifPresent(r -> {
                throw notInCollection(r);
            });
            c.reorder(resourceIds);
            return true;
        });
    }

    /** Moves an item one place up ({@code -1}) or down ({@code +1}) among the items the person sees. */
    public CollectionView move(long id, long resourceId, int direction, Viewer by) {
        return change(id, by, c -> {
            List<Long> order = new ArrayList<>(visibleItemIds(c, by));
            int from = order.indexOf(resourceId);
            if (from < 0) {
                throw notInCollection(resourceId);
            }
            int to = from + Integer.signum(direction);
            if (to < 0 || to >= order.size()) {
                return false;
            }
            order.set(from, order.get(to));
            order.set(to, resourceId);
            c.reorder(order);
            return true;
        });
    }

    private CollectionView change(long id, Viewer by, Function<ResourceCollection, Boolean> change) {
        return write(() -> tx.execute(s -> {
            ResourceCollection c = editable(id, by);
            if (change.apply(c)) {
                collections.saveAndFlush(c);
            }
            return view(c, by);
        }));
    }

    /**
     * Two librarians reordering the same list at once: the second is told to look again (409)
     * rather than silently undoing the first.
     */
    private static <T> T write(Supplier<T> change) {
        try {
            return change.get();
        } catch (OptimisticLockingFailureException concurrent) {
            throw new CatalogException(HttpStatus.CONFLICT, "problem.collection.changedMeanwhile");
        }
    }

    /** 404 for a collection the person may not see, 403 for one they see but may not change. */
    private ResourceCollection editable(long id, Viewer by) {
        ResourceCollection c = collections.findById(id).filter(found -> canView(by, found))
                .orElseThrow(() -> notFound(id));
        if (!canEdit(by, c)) {
            throw new CatalogException(HttpStatus.FORBIDDEN, "problem.collection.forbidden");
        }
        return c;
    }

    static CatalogException notFound(long id) {
        return new CatalogException(HttpStatus.NOT_FOUND, "problem.collection.notFound", String.valueOf(id));
    }

    private static CatalogException notInCollection(long resourceId) {
        return new CatalogException(HttpStatus.NOT_FOUND, "problem.collection.noSuchItem", String.valueOf(resourceId));
    }

    private static boolean canView(Viewer viewer, ResourceCollection c) {
        return c.getVisibility() == CollectionVisibility.PUBLIC || canEdit(viewer, c);
    }

    private static boolean canEdit(Viewer viewer, ResourceCollection c) {
        if (!viewer.signedIn()) {
            return false;
        }
        if (viewer.has(Role.ADMIN)) {
            return true;
        }
        if (c.getOwnerAccountId() != null) {
            return c.getOwnerAccountId().equals(viewer.accountId());
        }
        return viewer.has(Role.LIBRARIAN) && c.getOwnerLibraryId().equals(viewer.libraryId());
    }

    private List<Long> visibleItemIds(ResourceCollection c, Viewer viewer) {
        Map<Long, ResourceView> visible = catalog.findVisible(
                c.getItems().stream().map(CollectionItem::getResourceId).toList(), viewer);
        return c.getItems().stream().map(CollectionItem::getResourceId).filter(visible::containsKey).toList();
    }

    private List<CollectionView> read(Supplier<List<ResourceCollection>> query, Viewer viewer) {
        return tx.execute(s -> {
            List<ResourceCollection> found = query.get().stream().filter(c -> canView(viewer, c)).toList();
            Map<Long, LibraryView> owners = libraries.byIds(
                    found.stream().map(ResourceCollection::getOwnerLibraryId).toList());
            return found.stream().map(c -> view(c, viewer, owners)).toList();
        });
    }

    private CollectionView view(ResourceCollection c, Viewer viewer) {
        return view(c, viewer, libraries.byIds(Collections.singletonList(c.getOwnerLibraryId())));
    }

    /** {@code owners}: the owning libraries by id, read once for a whole list. */
    private CollectionView view(ResourceCollection c, Viewer viewer, Map<Long, LibraryView> owners) {
        Map<Long, ResourceView> visible = catalog.findVisible(
                c.getItems().stream().map(CollectionItem::getResourceId).toList(), viewer);
        List<CollectionView.Item> items = c.getItems().stream().filter(i -> visible.containsKey(i.getResourceId()))
                .map(i -> {
                    ResourceView r = visible.get(i.getResourceId());
                    return new CollectionView.Item(r.id(), r.title(), r.materialType().name(), r.licence(),
                            r.thumbnail(), i.getNote());
                }).toList();
        return new CollectionView(c.getId(), c.getTitle(), c.getDescription(), c.getVisibility(), owner(c, owners),
                items.size(), items, canEdit(viewer, c), c.getCreatedAt(), c.getUpdatedAt());
    }

    private CollectionView.Owner owner(ResourceCollection c, Map<Long, LibraryView> owners) {
        if (c.getOwnerLibraryId() != null) {
            LibraryView lib = owners.get(c.getOwnerLibraryId());
            return new CollectionView.Owner(CollectionView.Owner.LIBRARY, lib == null ? null : lib.code(),
                    lib == null ? null : lib.name());
        }
        return accounts.byId(c.getOwnerAccountId())
                .map(a -> new CollectionView.Owner(CollectionView.Owner.PERSON, a.getUsername(), a.getDisplayName()))
                .orElse(new CollectionView.Owner(CollectionView.Owner.PERSON, c.getCreatedBy(), c.getCreatedBy()));
    }

    private Long ownerLibrary(String code, Viewer by) {
        if (code == null || code.isBlank()) {
            return null;
        }
        LibraryView library = libraries.byCode(code.strip())
                .orElseThrow(() -> new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.unknownLibrary", code));
        boolean ownLibrarian = by.has(Role.LIBRARIAN) && library.hasId(by.libraryId());
        if (!by.has(Role.ADMIN) && !ownLibrarian) {
            throw new CatalogException(HttpStatus.FORBIDDEN, "problem.collection.otherLibrary", code);
        }
        return library.id();
    }

    private static String title(String title) {
        if (title == null || title.isBlank()) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.collection.noTitle");
        }
        return limited(title, MAX_TITLE, "title");
    }

    private static String description(String description) {
        return limited(description, MAX_DESCRIPTION, "description");
    }

    /** Stripped, null when blank; too long is refused rather than cut, so nothing is lost silently. */
    private static String limited(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.collection.tooLong", field, max);
        }
        return v;
    }

    private static CollectionVisibility visibility(String value, CollectionVisibility otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return CollectionVisibility.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.upload.badEnum", "visibility", value,
                    Arrays.toString(CollectionVisibility.values()));
        }
    }
}
