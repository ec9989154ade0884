package vn.hoclieu.search;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param indexDir where the Lucene index lives (default {@code ${hoclieu.data-dir}/index}) */
@ConfigurationProperties("hoclieu.search")
public record SearchProperties(Path indexDir) {
    public SearchProperties {
        if (indexDir == null) {
            indexDir = Path.of("data", "index");
        }
    }
}
