package vn.hoclieu.search.internal;

import org.apache.lucene.search.Query;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;

/**
 * {@code {!hoclieu}what the person typed}: the ranking query of the embedded index, built by the
 * same {@link QueryBuilder} (syllables routed by diacritics, bigrams, quoted phrases, the same field
 * weights), so a Solr collection ranks as the embedded index does. The text is never parsed as
 * query syntax. Registered in the configset's {@code solrconfig.xml}.
 */
public class HoclieuQParserPlugin extends QParserPlugin {

    private final QueryBuilder queries = new QueryBuilder(VietnameseAnalysis.folded(), VietnameseAnalysis.exact());

    @Override
    public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
        return new QParser(qstr, localParams, params, req) {
            @Override
            public Query parse() {
                return queries.build(qstr == null ? "" : qstr).query();
            }
        };
    }
}
