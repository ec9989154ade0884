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
 * search, so hits, totals and facet counts never include what the viewer may not see. The two must
 * say the same: {@code VisibilityRuleTest} compares them on every viewer × resource of a matrix.
 * Share links grant nothing here: a resource seen through one is never found by searching.
 */
final class VisibilityFilter {

    private VisibilityFilter() {
    }

    static Query of(Viewer viewer) {
        if (viewer.has(Role.ADMIN)) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(published(Visibility.PUBLIC), Occur.SHOULD);
        if (viewer.signedIn()) {
            any.add(new TermQuery(new Term(Fields.CREATED_BY, viewer.username())), Occur.SHOULD);
        }
        if (viewer.signedIn() && viewer.libraryId() != null) {
            // a member of some library: the network's material, and their own and shared-in library material
            String library = viewer.libraryId().toString();
            any.add(published(Visibility.NETWORK), Occur.SHOULD);
            Query ownOrShared = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.LIBRARY_ID, library)), Occur.SHOULD)
                    .add(new TermQuery(new Term(Fields.SHARED_WITH, library)), Occur.SHOULD)
                    .build();
            any.add(new BooleanQuery.Builder().add(published(Visibility.LIBRARY), Occur.FILTER)
                    .add(ownOrShared, Occur.FILTER).build(), Occur.SHOULD);
            if (viewer.has(Role.LIBRARIAN)) {
                any.add(new TermQuery(new Term(Fields.LIBRARY_ID, library)), Occur.SHOULD);
            }
        }
        return any.build();
    }

    private static Query published(Visibility visibility) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.STATUS, ResourceStatus.PUBLISHED.name())), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.VISIBILITY, visibility.name())), Occur.FILTER)
                .build();
    }
}
