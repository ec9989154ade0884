package vn.hoclieu.exchange.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.collection.CollectionPageParts;
import vn.hoclieu.exchange.ExchangeExports;
import vn.hoclieu.library.LibraryPageExtras;
import vn.hoclieu.library.LibraryView;

/**
 * The "export as an exchange package" links: on a collection's page for whoever sees it
 * ({@code collectionExport}), on a library's page and in its JSON for its librarians and administrators
 * ({@code libraryExport}). Both are the API's addresses, which read the browser's session for a GET.
 */
@Component
class ExportLinks implements CollectionPageParts, LibraryPageExtras {

    private final AccountService accounts;

    ExportLinks(AccountService accounts) {
        this.accounts = accounts;
    }

    /** Called only for a collection the viewer sees; the export leaves out the items they do not. */
    @Override
    public Map<String, Object> parts(long collectionId, Viewer viewer) {
        return Map.of("collectionExport", "/api/v1/collections/" + collectionId + "/export");
    }

    @Override
    public Map<String, Object> extras(LibraryView library) {
        if (!ExchangeExports.mayExport(library, accounts.currentViewer())) {
            return Map.of();
        }
        return Map.of("libraryExport", "/api/v1/libraries/" + library.code() + "/export");
    }
}
