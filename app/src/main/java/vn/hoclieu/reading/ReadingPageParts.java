package vn.hoclieu.reading;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.collection.CollectionPageParts;
import vn.hoclieu.library.LibraryPageExtras;
import vn.hoclieu.library.LibraryView;

/**
 * What reading programmes add to other modules' pages, without those modules knowing of them: on a
 * library's page (and its JSON) its open programmes, as {@code readingProgrammes}; on a collection's
 * page the programmes made of it ({@code collectionProgrammes}) and, for whoever may make one,
 * {@code readingMayOrganise}.
 */
@Component
class ReadingPageParts implements LibraryPageExtras, CollectionPageParts {

    private final ReadingProgrammes programmes;
    private final AccountService accounts;

    ReadingPageParts(ReadingProgrammes programmes, AccountService accounts) {
        this.programmes = programmes;
        this.accounts = accounts;
    }

    @Override
    public Map<String, Object> extras(LibraryView library) {
        return Map.of("readingProgrammes", programmes.listed(accounts.currentViewer(), library.id()));
    }

    @Override
    public Map<String, Object> parts(long collectionId, Viewer viewer) {
        return Map.of("collectionProgrammes", programmes.ofCollection(collectionId, viewer),
                "readingMayOrganise", programmes.mayOrganise(collectionId, viewer));
    }
}
