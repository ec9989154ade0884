package vn.hoclieu.search.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.IOSupplier;

/**
 * Did-you-mean's answers, kept with the index reader they were worked out on. An answer depends only
 * on what was typed, the filters, what the viewer may see (the visibility filter, as a query) and the
 * reader; people ask the same few queries again and again, and working an answer out again walks the
 * dictionary and counts visible documents each time (a sixth of a search's CPU on the search
 * benchmark). A reader's answers go when it is closed, so a change to the catalogue is never
 * answered from before it; each reader keeps its {@value #MAX_ENTRIES} most recently asked.
 */
final class SuggestionCache {

    static final int MAX_ENTRIES = 2_000;

    /**
     * What an answer depends on besides the reader. {@code hits}: how many the search found, up to
     * {@link DidYouMean#FEW_HITS} (whether it found few or none changes what is offered).
     */
    record Key(String query, Map<String, List<String>> filters, Query visibility, long hits) {

        Key {
            filters = Map.copyOf(filters);
        }
    }

    private static final Map<IndexReader.CacheKey, Map<Key, Optional<String>>> BY_READER = new ConcurrentHashMap<>();

    private SuggestionCache() {
    }

    /** The answer kept for this question on this reader, or {@code work}'s, then kept (null: nothing to offer). */
    static String answer(IndexReader reader, Key key, IOSupplier<String> work) throws IOException {
        Map<Key, Optional<String>> answers = answers(reader);
        Optional<String> known = answers == null ? null : answers.get(key);
        if (known != null) {
            return known.orElse(null);
        }
        String answer = work.get();
        if (answers != null) {
            answers.put(key, Optional.ofNullable(answer));
        }
        return answer;
    }

    /** Whether an answer to this question is kept for this reader. */
    static boolean kept(IndexReader reader, Key key) {
        Map<Key, Optional<String>> answers = answers(reader);
        return answers != null && answers.containsKey(key);
    }

    /** How many readers have answers kept (for tests: a closed reader's are gone). */
    static int readers() {
        return BY_READER.size();
    }

    private static Map<Key, Optional<String>> answers(IndexReader reader) {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return null;
        }
        return BY_READER.computeIfAbsent(helper.getKey(), key -> {
            helper.addClosedListener(BY_READER::remove);
            return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, Optional<String>> eldest) {
                    return size() > MAX_ENTRIES;
                }
            });
        });
    }
}
