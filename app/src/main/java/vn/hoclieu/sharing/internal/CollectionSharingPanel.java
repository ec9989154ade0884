package vn.hoclieu.sharing.internal;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.collection.CollectionPageParts;
import vn.hoclieu.collection.CollectionService;
import vn.hoclieu.sharing.ShareLinkView;
import vn.hoclieu.sharing.SharingService;

/** The collection page's "Chia sẻ" section (share links), for those who may change the collection. */
@Component
class CollectionSharingPanel implements CollectionPageParts {

    /** What the section shows. */
    public record Panel(List<ShareLinkView> links, List<Integer> days) {
    }

    private final SharingService sharing;
    private final CollectionService collections;

    CollectionSharingPanel(SharingService sharing, CollectionService collections) {
        this.sharing = sharing;
        this.collections = collections;
    }

    @Override
    public Map<String, Object> parts(long collectionId, Viewer viewer) {
        if (!collections.mayShare(collectionId, viewer)) {
            return Map.of();
        }
        List<ShareLinkView> links = sharing.collectionLinks(collectionId, viewer);
        return Map.of("collectionSharing", new Panel(links, sharing.dayChoices()),
                SHARED_BY_LINK, links.stream().anyMatch(ShareLinkView::active));
    }
}
