package vn.hoclieu.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import vn.hoclieu.TestGroups;
import vn.hoclieu.search.internal.ResourceIndexer;
import vn.hoclieu.search.internal.SearchBackend;
import vn.hoclieu.search.internal.SolrCloudFork;

/**
 * The whole search API suite ({@link SearchApiTest}) on the SolrCloud backend: the application with
 * {@code hoclieu.search.backend=solr}, indexing the sample library through the catalogue's events
 * into a two-shard collection of the test cluster (a JVM of its own), and answering
 * {@code /api/v1/search} and {@code /suggest} from it.
 */
@TestPropertySource(properties = {"hoclieu.search.backend=solr", "hoclieu.search.solr.collection=hoclieu"})
@Tag(TestGroups.SERVER)
class SolrSearchApiIT extends SearchApiTest {

    @Autowired
    private ApplicationContext context;

    static {
        SolrCloudFork.publishUrl();
    }

    @Test
    void theSolrBackendAnswersAndNoEmbeddedIndexIsOpened() {
        assertThat(context.getBean(SearchBackend.class).getClass().getSimpleName()).isEqualTo("SolrSearchBackend");
        assertThat(context.getBeanNamesForType(ResourceIndexer.class)).isEmpty();
    }
}
