package vn.hoclieu.collection;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.ResourcePageExtras;

/**
 * The "add to collection" form of a resource's page: {@code collectionChoices}, the collections
 * the signed-in viewer may add to (none for visitors, so the form is not shown).
 */
@Component
class CollectionPageExtras implements ResourcePageExtras {

    private final CollectionService collections;

    CollectionPageExtras(CollectionService collections) {
        this.collections = collections;
    }

    @Override
    public Map<String, Object> extras(long resourceId, Viewer viewer, Map<String, String> params) {
        if (!viewer.signedIn()) {
            return Map.of();
        }
        List<Choice> choices = collections.managedBy(viewer).stream().map(c -> new Choice(c.id(), c.title())).toList();
        return Map.of("collectionChoices", choices);
    }

    /** A collection as the form's list shows it. */
    public record Choice(long id, String title) {
    }
}
