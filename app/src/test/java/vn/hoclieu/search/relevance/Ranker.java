package vn.hoclieu.search.relevance;

import java.util.List;

/** Something that ranks the materials of a {@link RelevanceCollection} for a query. */
public interface Ranker extends AutoCloseable {

    String name();

    /** Ids of the best {@code limit} materials, best first. */
    List<String> search(String query, int limit);

    @Override
    void close();
}
