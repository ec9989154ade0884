package vn.hoclieu.search;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param indexDir       where the Lucene index lives (default {@code ${hoclieu.data-dir}/index}); a rebuilt
 *                       index is written beside it and named by {@code index.current}
 * @param rebuildThreads threads that read the catalogue and analyse documents during a rebuild (default: the
 *                       number of cores; fewer leaves more of the machine to searches while it runs)
 * @param reconcileOnStart whether the index catches up with the catalogue at start (the shell {@code reindex}
 *                       turns it off: it rebuilds everything anyway)
 */
@ConfigurationProperties("hoclieu.search")
public record SearchProperties(Path indexDir, Integer rebuildThreads, Boolean reconcileOnStart) {
    public SearchProperties {
        if (indexDir == null) {
            indexDir = Path.of("data", "index");
        }
        if (rebuildThreads == null || rebuildThreads < 1) {
            rebuildThreads = Runtime.getRuntime().availableProcessors();
        }
        if (reconcileOnStart == null) {
            reconcileOnStart = true;
        }
    }
}
