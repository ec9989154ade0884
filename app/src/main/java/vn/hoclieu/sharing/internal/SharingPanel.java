package vn.hoclieu.sharing.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.CatalogReads;
import vn.hoclieu.catalog.ResourcePageExtras;
import vn.hoclieu.catalog.ResourceView;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;
import vn.hoclieu.sharing.ShareLinkView;
import vn.hoclieu.sharing.SharingService;

/**
 * The resource page's sharing parts: "Chia sẻ từ …" for a member of a library the resource was
 * shared with, and the "Chia sẻ" section (libraries, links) for those who may share it.
 */
@Component
class SharingPanel implements ResourcePageExtras {

    /** What the "Chia sẻ" section shows. */
    public record Panel(List<LibraryView> shared, List<LibraryView> candidates, List<ShareLinkView> links,
                        List<Integer> days) {
    }


    private final SharingService sharing;
    private final CatalogReads catalog;
    private final LibraryService libraries;

    SharingPanel(SharingService sharing, CatalogReads catalog, LibraryService libraries) {
        this.sharing = sharing;
        this.catalog = catalog;
        this.libraries = libraries;
    }

    @Override
    public Map<String, Object> extras(long resourceId, Viewer viewer, Map<String, String> params) {
        ResourceView resource = catalog.find(resourceId, viewer).orElse(null);
        if (resource == null) {
            return Map.of();
        }
        Map<String, Object> out = new HashMap<>();
        String ownCode = libraries.byId(viewer.libraryId()).map(LibraryView::code).orElse(null);
        if (ownCode != null && resource.sharedWith().contains(ownCode) && resource.libraryName() != null) {
            out.put("sharedFrom", resource.libraryName());
        }
        if (sharing.mayShare(resourceId, viewer)) {
            List<LibraryView> all = libraries.all();
            List<LibraryView> shared = all.stream().filter(l -> resource.sharedWith().contains(l.code())).toList();
            List<LibraryView> candidates = all.stream().filter(l -> !resource.sharedWith().contains(l.code())
                    && !l.code().equals(resource.library())).toList();
            out.put("sharing", new Panel(shared, candidates, sharing.links(resourceId, viewer), sharing.dayChoices()));
        }
        return out;
    }
}
