package vn.hoclieu.oai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Extracted metadata may hold characters XML 1.0 cannot carry; they are dropped, everything else kept. */
class OaiXmlTest {

    @Test
    void charactersXmlCannotCarryAreDropped() {
        assertThat(OaiXml.clean("a\u0000b\u0001c\u000Bd\u001Fe\uFFFEf\uFFFFg")).isEqualTo("abcdefg");
        assertThat(OaiXml.clean("tab\tline\nreturn\r")).isEqualTo("tab\tline\nreturn\r");
        assertThat(OaiXml.clean("Tiếng Việt 😀 \uD800lone \uDC00 surrogates")).isEqualTo("Tiếng Việt 😀 lone  surrogates");
        String clean = "Học tập suốt đời";
        assertThat(OaiXml.clean(clean)).isSameAs(clean);
    }

    @Test
    void textAndAttributesAreWrittenClean() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OaiXml xml = new OaiXml(out)) {
            xml.start("", "urn:t", "r").namespace("", "urn:t").attribute("a", "x\u0002y & <z>")
                    .element("", "urn:t", "e", "1\u0007 < 2").element("", "urn:t", "empty", "\u0001").end();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith(
                "<r xmlns=\"urn:t\" a=\"xy &amp; &lt;z&gt;\"><e>1 &lt; 2</e></r>");
    }
}
