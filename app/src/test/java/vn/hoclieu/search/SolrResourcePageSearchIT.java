package vn.hoclieu.search;

import org.springframework.test.context.TestPropertySource;
import vn.hoclieu.search.internal.SolrCloudFork;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/**
 * More like this and search within a document ({@link ResourcePageSearchTest}) on the SolrCloud
 * backend, in the application context of {@link SolrSearchApiIT} (the same settings: one context).
 */
@TestPropertySource(properties = {"hoclieu.search.backend=solr", "hoclieu.search.solr.collection=hoclieu"})
@Tag(TestGroups.SERVER)
class SolrResourcePageSearchIT extends ResourcePageSearchTest {

    static {
        SolrCloudFork.publishUrl();
    }
}
