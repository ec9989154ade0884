package vn.hoclieu.collection;

import java.time.Instant;
import java.util.List;

/**
 * A collection as one viewer may see it: only the items they may see, and counted so.
 *
 * @param editable whether this viewer may change it (the owner, or the owning library's librarians)
 */
public record CollectionView(long id, String title, String description, CollectionVisibility visibility, Owner owner,
                             int itemCount, List<Item> items, boolean editable, Instant createdAt, Instant updatedAt) {

    /**
     * @param kind {@code PERSON} or {@code LIBRARY}
     * @param id   the person's user name or the library's code
     * @param name what to show: the person's display name or the library's name
     */
    public record Owner(String kind, String id, String name) {

        public static final String PERSON = "PERSON";
        public static final String LIBRARY = "LIBRARY";
    }

    /** One resource, with what a list shows of it. */
    public record Item(long resourceId, String title, String materialType, String licence, String thumbnail,
                       String note) {
    }
}
