package vn.hoclieu.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.IOSupplier;
import vn.hoclieu.search.FacetValue;

/**
 * Drill-sideways facet counts from bit sets. Counting found the visible matches of the words, before
 * any facet filter ({@link Searcher.Hits}); here each chosen filter is a bit set, the hits are those
 * matches within every filter, and each value of a facet is counted among the matches within the
 * other facets' filters (drill-sideways: choosing one value of a facet keeps its other values
 * visible) — one {@code AND} and population count of bit sets per value, where Lucene's
 * {@code DrillSideways} reads every hit's values for every facet.
 *
 * <p>Each segment's values of a facet are kept as bit sets while the segment is open, as
 * {@link VisibleDocs} keeps visibility: what the index holds, never what a query found. A facet
 * with more than {@value #MAX_KEPT_VALUES} values in a segment (libraries in a whole city, say) is
 * not kept: it is counted the usual way, by reading the values of its hits, in one pass for all such
 * facets that no filter concerns.
 */
final class FacetCounts {

    /** Values of one facet in one segment kept as bit sets; a facet with more is counted from its hits. */
    static final int MAX_KEPT_VALUES = 64;
    /** How many values of a facet are shown, most frequent first. */
    static final int SHOWN = 50;

    private static final String FIELD = FacetsConfig.DEFAULT_INDEX_FIELD_NAME;
    private static final Map<IndexReader.CacheKey, Kept> KEPT = new ConcurrentHashMap<>();

    private FacetCounts() {
    }

    /** A value of a facet in one segment: its label and its documents. */
    record Value(String label, FixedBitSet docs) {
    }

    /** The hits within the filters, their number and each facet's values with their counts. */
    record Counted(Searcher.Hits hits, Map<String, List<FacetValue>> facets) {
    }

    static Counted count(IndexSearcher searcher, IOSupplier<SortedSetDocValuesReaderState> state, Searcher.Hits matches,
                         Map<String, List<String>> filters) throws IOException {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        filters.forEach((dim, values) -> {
            List<String> kept = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
            if (Fields.FACETS.contains(dim) && !kept.isEmpty()) {
                chosen.put(dim, kept);
            }
        });
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<String, Map<String, long[]>> counts = new LinkedHashMap<>();
        Fields.FACETS.forEach(dim -> counts.put(dim, new HashMap<>()));
        Map<Integer, FixedBitSet> hits = new HashMap<>();
        int total = 0;
        // facets with too many values in some segment: counted from the hits' values, below; the key is the
        // filtered facet whose own filter is left out, or "" for the hits within every filter
        Map<String, Map<Integer, FixedBitSet>> fromHits = new LinkedHashMap<>();
        Map<String, List<String>> fromHitsDims = new LinkedHashMap<>();
        for (LeafReaderContext leaf : leaves) {
            FixedBitSet matched = matches.of(leaf);
            if (matched == null) {
                continue;
            }
            Kept kept = kept(leaf);
            Map<String, FixedBitSet> filterBits = new HashMap<>();
            for (Map.Entry<String, List<String>> f : chosen.entrySet()) {
                filterBits.put(f.getKey(), filter(leaf, kept, f.getKey(), f.getValue()));
            }
            FixedBitSet inAll = within(matched, filterBits, null);
            int found = (int) inAll.cardinality();
            total += found;
            if (found > 0) {
                hits.put(leaf.ord, inAll);
            }
            for (String dim : Fields.FACETS) {
                boolean sideways = chosen.containsKey(dim);
                FixedBitSet among = sideways ? within(matched, filterBits, dim) : inAll;
                if (kept.tooMany().contains(dim)) {
                    String pass = sideways ? dim : "";
                    fromHits.computeIfAbsent(pass, k -> new HashMap<>()).put(leaf.ord, among);
                    List<String> dims = fromHitsDims.computeIfAbsent(pass, k -> new ArrayList<>());
                    if (!dims.contains(dim)) {
                        dims.add(dim);
                    }
                    continue;
                }
                for (Value v : kept.values().getOrDefault(dim, List.of())) {
                    long c = FixedBitSet.intersectionCount(among, v.docs());
                    if (c > 0) {
                        counts.get(dim).computeIfAbsent(v.label(), l -> new long[1])[0] += c;
                    }
                }
            }
        }
        for (Map.Entry<String, Map<Integer, FixedBitSet>> pass : fromHits.entrySet()) {
            countFromHits(state, leaves, pass.getValue(), fromHitsDims.get(pass.getKey()), counts);
        }
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        counts.forEach((dim, c) -> facets.put(dim, top(dim, c)));
        return new Counted(new Searcher.Hits(total, hits), facets);
    }

    /** The documents of {@code matched} within every filter but {@code except}'s. */
    private static FixedBitSet within(FixedBitSet matched, Map<String, FixedBitSet> filters, String except) {
        FixedBitSet out = matched;
        boolean copied = false;
        for (Map.Entry<String, FixedBitSet> f : filters.entrySet()) {
            if (f.getKey().equals(except)) {
                continue;
            }
            if (!copied) {
                out = matched.clone();
                copied = true;
            }
            out.and(f.getValue());
        }
        return out;
    }

    /** The documents with any of the chosen values of a facet (values of one facet widen, as DrillDownQuery's). */
    private static FixedBitSet filter(LeafReaderContext leaf, Kept kept, String dim, List<String> chosen)
            throws IOException {
        FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
        List<Value> values = kept.values().get(dim);
        for (String value : chosen) {
            if (kept.tooMany().contains(dim)) {
                read(leaf, new BytesRef(FacetsConfig.pathToString(dim, value)), bits);
            } else if (values != null) {
                values.stream().filter(v -> v.label().equals(value)).findFirst().ifPresent(v -> bits.or(v.docs()));
            }
        }
        return bits;
    }

    /** The most frequent values first; equal counts in the order of their terms, as Lucene's facet counts give them. */
    private static List<FacetValue> top(String dim, Map<String, long[]> counts) {
        Map<String, BytesRef> terms = new HashMap<>();
        counts.keySet().forEach(label -> terms.put(label, new BytesRef(FacetsConfig.pathToString(dim, label))));
        List<String> labels = new ArrayList<>(counts.keySet());
        labels.sort(Comparator.<String>comparingLong(l -> -counts.get(l)[0]).thenComparing(terms::get));
        List<FacetValue> out = new ArrayList<>();
        for (String label : labels.subList(0, Math.min(SHOWN, labels.size()))) {
            out.add(new FacetValue(label, counts.get(label)[0]));
        }
        return out;
    }

    /** Facets not kept as bit sets: Lucene's counts over the given hits, one pass for all of them. */
    private static void countFromHits(IOSupplier<SortedSetDocValuesReaderState> state, List<LeafReaderContext> leaves,
                                      Map<Integer, FixedBitSet> among, List<String> dims,
                                      Map<String, Map<String, long[]>> counts) throws IOException {
        FacetsCollector collector = new FacetsCollector();
        for (LeafReaderContext leaf : leaves) {
            FixedBitSet docs = among.get(leaf.ord);
            if (docs == null) {
                continue;
            }
            LeafCollector lc = collector.getLeafCollector(leaf);
            for (int d = docs.nextSetBit(0); d != DocIdSetIterator.NO_MORE_DOCS;
                 d = d + 1 < docs.length() ? docs.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                lc.collect(d);
            }
            lc.finish();
        }
        SortedSetDocValuesFacetCounts counted = new SortedSetDocValuesFacetCounts(state.get(), collector);
        for (String dim : dims) {
            try {
                FacetResult result = counted.getAllChildren(dim);
                if (result != null) {
                    for (LabelAndValue lv : result.labelValues) {
                        counts.get(dim).computeIfAbsent(lv.label, l -> new long[1])[0] += lv.value.longValue();
                    }
                }
            } catch (IllegalArgumentException noSuchDimension) {
                // no document has this facet
            }
        }
    }

    /** A segment's kept values by facet, and the facets with too many values to keep. */
    record Kept(Map<String, List<Value>> values, Set<String> tooMany) {
    }

    /**
     * The segment's facets whose values are kept, each value's documents as a bit set (deleted ones
     * included: they are never among the matches). A facet with more than {@value #MAX_KEPT_VALUES}
     * values here is named among those with too many.
     */
    static Kept kept(LeafReaderContext leaf) throws IOException {
        IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
        Kept kept = helper == null ? null : KEPT.get(helper.getKey());
        if (kept != null) {
            return kept;
        }
        Map<String, List<Value>> byDim = new HashMap<>();
        Terms terms = leaf.reader().terms(FIELD);
        if (terms != null) {
            TermsEnum te = terms.iterator();
            PostingsEnum postings = null;
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                String[] path = FacetsConfig.stringToPath(term.utf8ToString());
                if (path.length != 2 || !Fields.FACETS.contains(path[0])) {
                    continue;
                }
                List<Value> values = byDim.computeIfAbsent(path[0], d -> new ArrayList<>());
                if (values.size() > MAX_KEPT_VALUES) {
                    continue;
                }
                FixedBitSet docs = new FixedBitSet(leaf.reader().maxDoc());
                postings = te.postings(postings, PostingsEnum.NONE);
                for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                    docs.set(d);
                }
                values.add(new Value(path[1], docs));
            }
        }
        Set<String> tooMany = new HashSet<>();
        byDim.forEach((dim, values) -> {
            if (values.size() > MAX_KEPT_VALUES) {
                tooMany.add(dim);
            }
        });
        byDim.keySet().removeAll(tooMany);
        Kept result = new Kept(Map.copyOf(byDim), Set.copyOf(tooMany));
        if (helper != null) {
            KEPT.put(helper.getKey(), result);
            helper.addClosedListener(KEPT::remove);
        }
        return result;
    }

    /** Adds the documents of one facet term of the segment to {@code bits}. */
    private static void read(LeafReaderContext leaf, BytesRef term, FixedBitSet bits) throws IOException {
        Terms terms = leaf.reader().terms(FIELD);
        if (terms == null) {
            return;
        }
        TermsEnum te = terms.iterator();
        if (te.seekExact(term)) {
            PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
            for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                bits.set(d);
            }
        }
    }
}
