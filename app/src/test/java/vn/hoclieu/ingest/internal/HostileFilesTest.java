package vn.hoclieu.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoclieu.HostileCorpus;
import vn.hoclieu.Messages;
import vn.hoclieu.catalog.ExtractionStatus;
import vn.hoclieu.ingest.IngestProperties;

/** Every file of the hostile corpus through the real extractor: each ends with a status, and a reason when it is not OK. */
class HostileFilesTest {

    @TempDir
    Path dir;

    @Test
    void everyHostileFileEndsWithAStatusAndAReason() throws Exception {
        TikaExtractor extractor = new TikaExtractor(new IngestProperties(1, Duration.ofSeconds(20), 1_000_000, 3, false, null));
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : HostileCorpus.files("don-vi").entrySet()) {
            Path file = Files.write(dir.resolve(f.getKey()), f.getValue());
            long start = System.nanoTime();
            Extraction e = extractor.extract(file, f.getKey(), null);
            outcomes.put(f.getKey(), e.status() + " " + (System.nanoTime() - start) / 1_000_000 + "ms "
                    + (e.reason() == null ? "" : Messages.english(e.reason())) + " text=" + e.text().length());
            if (e.status() != ExtractionStatus.OK) {
                assertThat(e.reason()).as(f.getKey()).isNotBlank();
            }
        }
        outcomes.forEach((k, v) -> System.out.println("HOSTILE " + k + " -> " + v));
    }
}
