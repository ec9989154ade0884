package vn.hoclieu.collection;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.collection.internal.CollectionItem;
import vn.hoclieu.collection.internal.CollectionRepository;

/**
 * The items of a collection for a module that builds on it (a reading programme), whoever may see
 * the collection itself: an organiser who turns their private class list into a programme opens its
 * items to the programme's readers. Ids only, unfiltered: the caller passes them through the
 * catalogue's visibility rule ({@code CatalogReads.findVisible}) for its viewer before it shows or
 * counts any of them, so nobody sees through a programme a material they may not see.
 */
@Component
public class CollectionContents {

    private final CollectionRepository collections;
    private final TransactionTemplate tx;

    CollectionContents(CollectionRepository collections, TransactionTemplate tx) {
        this.collections = collections;
        this.tx = tx;
    }

    /** The resource ids of the collection's items in their order; empty when there is no such collection. */
    public List<Long> resourceIds(long collectionId) {
        return tx.execute(s -> collections.findById(collectionId)
                .map(c -> c.getItems().stream().map(CollectionItem::getResourceId).toList())
                .orElse(List.of()));
    }
}
