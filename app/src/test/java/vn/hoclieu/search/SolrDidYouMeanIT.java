package vn.hoclieu.search;

import org.springframework.test.context.TestPropertySource;
import vn.hoclieu.search.internal.SolrCloudFork;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/**
 * "Did you mean" ({@link DidYouMeanTest}: accents restored, spelling corrected, nothing drawn from
 * material the viewer may not see, the link on the results page) on the SolrCloud backend, in the
 * application context of {@link SolrSearchApiIT} (the same settings: one context).
 */
@TestPropertySource(properties = {"hoclieu.search.backend=solr", "hoclieu.search.solr.collection=hoclieu"})
@Tag(TestGroups.SERVER)
class SolrDidYouMeanIT extends DidYouMeanTest {

    static {
        SolrCloudFork.publishUrl();
    }
}
