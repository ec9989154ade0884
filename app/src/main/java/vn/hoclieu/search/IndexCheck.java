package vn.hoclieu.search;

import java.util.List;

/**
 * The search index compared with the catalogue (resource ids, ascending).
 *
 * @param resources  resources in the catalogue (each should be indexed exactly once)
 * @param documents  live documents in the index
 * @param missing    resources the index does not hold
 * @param stale      resources indexed in an older version than the catalogue's
 * @param extra      documents of resources the catalogue no longer has
 * @param duplicated resources indexed more than once
 * @param repaired   how many of those were re-indexed or deleted (0 when only checked)
 */
public record IndexCheck(int resources, int documents, List<Long> missing, List<Long> stale, List<Long> extra,
                         List<Long> duplicated, int repaired) {

    /** True when every resource is indexed once, in its current version, and nothing else is. */
    public boolean consistent() {
        return missing.isEmpty() && stale.isEmpty() && extra.isEmpty() && duplicated.isEmpty();
    }
}
