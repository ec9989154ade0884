package vn.hoclieu.collection;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.catalog.CatalogException;

/** {@code /api/v1/collections}: the same collections and rules as the pages. */
@RestController
@RequestMapping("/api/v1")
class CollectionApiController {

    private final CollectionService collections;
    private final AccountService accounts;

    CollectionApiController(CollectionService collections, AccountService accounts) {
        this.collections = collections;
        this.accounts = accounts;
    }

    /** Public collections, newest first; with {@code mine=true}, the caller's own (and their library's). */
    @GetMapping("/collections")
    List<CollectionView> list(@RequestParam(defaultValue = "false") boolean mine,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var viewer = accounts.currentViewer();
        if (mine && !viewer.signedIn()) {
            throw new CatalogException(HttpStatus.UNAUTHORIZED, "problem.collection.signIn");
        }
        return mine ? collections.managedBy(viewer) : collections.publicCollections(viewer, page, size);
    }

    @PostMapping("/collections")
    ResponseEntity<CollectionView> create(@RequestBody CollectionDraft draft) {
        CollectionView created = collections.create(draft, accounts.currentViewer());
        return ResponseEntity.created(URI.create("/api/v1/collections/" + created.id())).body(created);
    }

    @GetMapping("/collections/{id}")
    CollectionView get(@PathVariable long id) {
        return collections.find(id, accounts.currentViewer()).orElseThrow(() -> CollectionService.notFound(id));
    }

    @PatchMapping("/collections/{id}")
    CollectionView update(@PathVariable long id, @RequestBody CollectionDraft changes) {
        return collections.update(id, changes, accounts.currentViewer());
    }

    @DeleteMapping("/collections/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        collections.delete(id, accounts.currentViewer());
        return ResponseEntity.noContent().build();
    }

    /** 201 when the resource is added, 200 when it was already in (its note is then replaced). */
    @PostMapping("/collections/{id}/items")
    ResponseEntity<CollectionView> add(@PathVariable long id, @RequestBody ItemRequest item) {
        if (item.resourceId() == null) {
            throw new CatalogException(HttpStatus.BAD_REQUEST, "problem.collection.noResource");
        }
        var viewer = accounts.currentViewer();
        boolean added = collections.addItem(id, item.resourceId(), item.note(), viewer);
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(get(id));
    }

    @DeleteMapping("/collections/{id}/items/{resourceId}")
    ResponseEntity<Void> remove(@PathVariable long id, @PathVariable long resourceId) {
        collections.removeItem(id, resourceId, accounts.currentViewer());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/collections/{id}/items")
    CollectionView reorder(@PathVariable long id, @RequestBody OrderRequest order) {
        return collections.reorder(id, order.resourceIds(), accounts.currentViewer());
    }

    record ItemRequest(Long resourceId, String note) {
    }

    /** The items in their new order; items not named keep their order after them. */
    record OrderRequest(List<Long> resourceIds) {
    }
}
