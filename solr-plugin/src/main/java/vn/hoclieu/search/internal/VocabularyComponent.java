package vn.hoclieu.search.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.IndexReader;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.handler.component.SearchComponent;
import org.apache.solr.handler.component.ShardRequest;
import org.apache.solr.handler.component.ShardResponse;

/**
 * The words "did you mean" draws on, from every shard: {@code hoclieu.pattern} (positions separated by
 * U+001F, each the characters allowed there) answers the terms of {@code hoclieu.fields} it accepts
 * with their document frequencies; {@code hoclieu.similar=word} answers the terms near the word
 * ({@code DirectSpellChecker}) with [closeness, frequency]. Each shard runs the app's
 * {@link Vocabulary} on its index; the shards' answers are added up as the embedded index adds up
 * fields (frequencies summed, the best closeness kept), so both backends see the same candidates.
 * Frequencies are index-wide: the app decides with counts of what the viewer may see.
 */
public class VocabularyComponent extends SearchComponent {

    private static final String MERGED = VocabularyComponent.class.getName() + ".merged";

    @Override
    public void prepare(ResponseBuilder rb) {
    }

    /** On one shard (or a collection of one). */
    @Override
    public void process(ResponseBuilder rb) throws IOException {
        SolrParams params = rb.req.getParams();
        String fieldList = params.get(Vocabulary.FIELDS, "");
        List<String> fields = fieldList.isBlank() ? List.of() : List.of(fieldList.split(","));
        IndexReader reader = rb.req.getSearcher().getIndexReader();
        NamedList<Object> out = new SimpleOrderedMap<>();
        String pattern = params.get(Vocabulary.PATTERN);
        String near = params.get(Vocabulary.NEAR);
        if (pattern != null) {
            Map<String, Integer> df = new TreeMap<>();
            for (String field : fields) {
                Vocabulary.matching(reader, field, Vocabulary.decode(pattern), df);
            }
            df.forEach(out::add);
        } else if (near != null) {
            Map<String, Vocabulary.Similar> similar = new TreeMap<>();
            for (String field : fields) {
                Vocabulary.similar(reader, field, near, similar);
            }
            similar.forEach((term, s) -> out.add(term, List.of(s.score(), s.freq())));
        }
        rb.rsp.add(Vocabulary.RESPONSE, out);
    }

    @Override
    public int distributedProcess(ResponseBuilder rb) {
        if (rb.stage < ResponseBuilder.STAGE_EXECUTE_QUERY) {
            return ResponseBuilder.STAGE_EXECUTE_QUERY;
        }
        if (rb.stage == ResponseBuilder.STAGE_EXECUTE_QUERY) {
            ShardRequest sreq = new ShardRequest();
            sreq.purpose = ShardRequest.PURPOSE_PRIVATE;
            sreq.params = new ModifiableSolrParams(rb.req.getParams());
            rb.addRequest(this, sreq);
        }
        return ResponseBuilder.STAGE_DONE;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void handleResponses(ResponseBuilder rb, ShardRequest sreq) {
        if ((sreq.purpose & ShardRequest.PURPOSE_PRIVATE) == 0) {
            return;
        }
        Map<String, Object> merged = (Map<String, Object>) rb.req.getContext()
                .computeIfAbsent(MERGED, k -> new HashMap<String, Object>());
        for (ShardResponse shard : sreq.responses) {
            Object answer = shard.getSolrResponse().getResponse().get(Vocabulary.RESPONSE);
            if (!(answer instanceof NamedList<?> terms)) {
                continue;
            }
            for (Map.Entry<String, ?> e : terms) {
                merged.merge(e.getKey(), e.getValue(), VocabularyComponent::plus);
            }
        }
    }

    /** A frequency, or [closeness, frequency]: frequencies add up, closeness is the same on every shard. */
    private static Object plus(Object a, Object b) {
        if (a instanceof List<?> x && b instanceof List<?> y) {
            Vocabulary.Similar sum = new Vocabulary.Similar(((Number) x.get(0)).floatValue(), ((Number) x.get(1)).intValue())
                    .plus(new Vocabulary.Similar(((Number) y.get(0)).floatValue(), ((Number) y.get(1)).intValue()));
            return List.of(sum.score(), sum.freq());
        }
        return ((Number) a).intValue() + ((Number) b).intValue();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void finishStage(ResponseBuilder rb) {
        if (rb.stage != ResponseBuilder.STAGE_EXECUTE_QUERY) {
            return;
        }
        Map<String, Object> merged = (Map<String, Object>) rb.req.getContext().get(MERGED);
        NamedList<Object> out = new SimpleOrderedMap<>();
        if (merged != null) {
            new TreeMap<>(merged).forEach(out::add);
        }
        rb.rsp.add(Vocabulary.RESPONSE, out);
    }

    @Override
    public String getDescription() {
        return "Hoclieu's vocabulary for did-you-mean: marked variants and spelling corrections, over every shard";
    }
}
