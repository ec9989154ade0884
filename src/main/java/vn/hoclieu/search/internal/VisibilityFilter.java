package vn.hoclieu.search.internal;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.ResourceStatus;
import vn.hoclieu.catalog.Visibility;

/**
 * The catalogue's visibility rule ({@code catalog.Access}) as a filter query, applied beneath every
 * search, so hits, totals and facet counts never include what the viewer may not see.
 */
final class VisibilityFilter {

    private VisibilityFilter() {
    }

    static Query of(Viewer viewer) {
        if (viewer.has(Role.ADMIN)) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(published(Visibility.PUBLIC, null), Occur.SHOULD);
        if (viewer.signedIn()) {
            any.add(published(Visibility.NETWORK, null), Occur.SHOULD);
            any.add(new TermQuery(new Term(Fields.CREATED_BY, viewer.username())), Occur.SHOULD);
            if (viewer.libraryId() != null) {
                String library = viewer.libraryId().toString();
                any.add(published(Visibility.LIBRARY, library), Occur.SHOULD);
                if (viewer.has(Role.LIBRARIAN)) {
                    any.add(new TermQuery(new Term(Fields.LIBRARY_ID, library)), Occur.SHOULD);
                }
            }
        }
        return any.build();
    }

    private static Query published(Visibility visibility, String libraryId) {
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.STATUS, ResourceStatus.PUBLISHED.name())), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.VISIBILITY, visibility.name())), Occur.FILTER);
        if (libraryId != null) {
            b.add(new TermQuery(new Term(Fields.LIBRARY_ID, libraryId)), Occur.FILTER);
        }
        return b.build();
    }
}
