package vn.hoclieu.search.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The remembered tone rule answers exactly as the rule, asked once or again, before and after it forgets. */
class CanonicalToneMemoTest {

    @Test
    void remembersTheRuleFaithfully() throws IOException {
        Set<String> words = new LinkedHashSet<>(List.of("hòa", "hoà", "thủy", "thuỷ", "Khoẻ", "QÚY", "café",
                "unchanged", "người", "giá", "quý", "hoài", "khuỷu", "x\u0301\u0301", "đường"));
        try (Stream<Path> sources = Files.list(Path.of(System.getProperty("hoclieu.samples.dir", "../sample-resources"), "src"))) {
            for (Path p : sources.filter(Files::isRegularFile).toList()) {
                for (String w : Files.readString(p, StandardCharsets.UTF_8).split("[^\\p{L}\\p{M}]+")) {
                    words.add(w);
                    words.add(Normalizer.normalize(w, Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
                }
            }
        }
        for (int round = 0; round < 2; round++) {
            for (String w : words) {
                String expected = VietnameseSyllables.canonicalTone(w);
                String got = CanonicalToneFilter.canonicalTone(w);
                assertThat(got).as(w).isEqualTo(expected);
                // unchanged means the very input, as the filter relies on
                assertThat(got == w).as(w).isEqualTo(expected == w);
            }
        }
        // beyond the bound it forgets and keeps answering right
        for (int i = 0; i < CanonicalToneFilter.REMEMBERED + 10; i++) {
            String w = "hò" + i;
            assertThat(CanonicalToneFilter.canonicalTone(w)).isEqualTo(VietnameseSyllables.canonicalTone(w));
        }
        assertThat(CanonicalToneFilter.canonicalTone("hòa")).isEqualTo("hoà");
    }
}
