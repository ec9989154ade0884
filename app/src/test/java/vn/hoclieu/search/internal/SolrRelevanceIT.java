package vn.hoclieu.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hoclieu.search.relevance.Evaluation;
import vn.hoclieu.search.relevance.RelevanceCollection;
import org.junit.jupiter.api.Tag;
import vn.hoclieu.TestGroups;

/**
 * The relevance suite on both backends: the embedded index and a two-shard SolrCloud collection
 * (collection-wide term statistics) rank the collection's materials alike, so MRR@10 and recall@10
 * are the same in every group, and so are the top ten of nearly every query.
 */
@Tag(TestGroups.SERVER)
class SolrRelevanceIT {

    private static final RelevanceCollection COLLECTION = RelevanceCollection.load();

    @Test
    void solrCloudGivesTheSameMetricsAsTheEmbeddedIndex() {
        List<Evaluation.Outcome> lucene;
        List<Evaluation.Outcome> solr;
        try (HoclieuRanker embedded = new HoclieuRanker(COLLECTION.materials())) {
            lucene = Evaluation.run(embedded, COLLECTION.cases());
        }
        try (SolrRanker cloud = new SolrRanker(COLLECTION.materials(), "relevance")) {
            solr = Evaluation.run(cloud, COLLECTION.cases());
        }
        Map<RelevanceCollection.Group, Evaluation.Scores> onLucene = Evaluation.byGroup(lucene);
        Map<RelevanceCollection.Group, Evaluation.Scores> onSolr = Evaluation.byGroup(solr);
        int different = 0;
        for (int i = 0; i < lucene.size(); i++) {
            if (!lucene.get(i).top().equals(solr.get(i).top())) {
                different++;
                System.out.printf("top 10 differ for «%s»:%n  lucene %s%n  solr   %s%n",
                        lucene.get(i).queryCase().query(), lucene.get(i).top(), solr.get(i).top());
            }
        }
        for (RelevanceCollection.Group g : RelevanceCollection.Group.values()) {
            System.out.printf("%-20s lucene MRR@10 %.3f recall@10 %.3f | solr MRR@10 %.3f recall@10 %.3f%n",
                    g.label(), onLucene.get(g).mrr(), onLucene.get(g).recall(), onSolr.get(g).mrr(),
                    onSolr.get(g).recall());
        }
        System.out.printf("queries whose top 10 differ: %d of %d%n", different, lucene.size());
        for (RelevanceCollection.Group g : RelevanceCollection.Group.values()) {
            assertThat(onSolr.get(g).mrr()).as("MRR@10 %s", g.label()).isCloseTo(onLucene.get(g).mrr(),
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(onSolr.get(g).recall()).as("recall@10 %s", g.label()).isCloseTo(onLucene.get(g).recall(),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}
