package vn.hoclieu.search.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.library.LibraryPageExtras;
import vn.hoclieu.library.LibraryView;
import vn.hoclieu.search.SearchPage;
import vn.hoclieu.search.SearchRequest;
import vn.hoclieu.search.SearchService;

/**
 * A library's page shows its newest materials and how many it holds of each type — counted by the
 * search index under the viewer's visibility filter, so nobody learns of material they may not see.
 */
@Component
class LibraryMaterials implements LibraryPageExtras {

    static final int NEWEST = 8;

    private final SearchService search;
    private final AccountService accounts;

    LibraryMaterials(SearchService search, AccountService accounts) {
        this.search = search;
        this.accounts = accounts;
    }

    @Override
    public Map<String, Object> extras(LibraryView library) {
        SearchPage page = search.search(new SearchRequest("", 0, NEWEST, "newest",
                Map.of("library", List.of(library.code()))), accounts.currentViewer());
        Map<String, Long> byType = new LinkedHashMap<>();
        page.facets().getOrDefault("materialType", List.of()).forEach(f -> byType.put(f.value(), f.count()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("materials", page.total());
        out.put("materialTypes", byType);
        out.put("newest", page.hits());
        return out;
    }
}
