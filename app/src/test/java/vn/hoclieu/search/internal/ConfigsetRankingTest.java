package vn.hoclieu.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Solr configset scores as the embedded index does: every form of every text field has, in
 * {@code managed-schema.xml}, the BM25 parameters {@link Ranking#DEFAULT} gives that field (a field type
 * without a similarity of its own has Lucene's). The query is the same by construction (the plugin's
 * parser calls the same {@link QueryBuilder}); these numbers are written twice, so they are checked here.
 */
class ConfigsetRankingTest {

    private static final Path SCHEMA = Path.of(System.getProperty("hoclieu.solr.project", "../solr-plugin"),
            "src/main/configset/conf/managed-schema.xml");

    @Test
    void everyTextFieldHasTheBm25ParametersOfTheRanking() throws Exception {
        Document schema = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(SCHEMA.toFile());
        Map<String, Ranking.Bm25> byType = new HashMap<>();
        NodeList types = schema.getElementsByTagName("fieldType");
        for (int i = 0; i < types.getLength(); i++) {
            Element type = (Element) types.item(i);
            byType.put(type.getAttribute("name"), bm25(type));
        }
        Map<String, String> typeOf = new HashMap<>();
        NodeList fields = schema.getElementsByTagName("field");
        for (int i = 0; i < fields.getLength(); i++) {
            Element field = (Element) fields.item(i);
            typeOf.put(field.getAttribute("name"), field.getAttribute("type"));
        }
        int checked = 0;
        for (String field : Fields.TEXT_FIELDS) {
            for (String form : List.of(Fields.FOLDED, Fields.EXACT, Fields.FOLDED_BIGRAMS, Fields.EXACT_BIGRAMS)) {
                String type = typeOf.get(field + form);
                assertThat(type).as(field + form).isNotNull();
                assertThat(byType.get(type)).as("BM25 of %s (type %s)", field + form, type)
                        .isEqualTo(Ranking.DEFAULT.bm25().get(field));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(20);
    }

    /** The k1 and b of a field type's own BM25 similarity, or Lucene's when it has none. */
    private static Ranking.Bm25 bm25(Element type) {
        NodeList similarities = type.getElementsByTagName("similarity");
        if (similarities.getLength() == 0) {
            return Ranking.LUCENE_BM25;
        }
        Element similarity = (Element) similarities.item(0);
        assertThat(similarity.getAttribute("class")).isEqualTo("solr.BM25SimilarityFactory");
        float k1 = Ranking.LUCENE_BM25.k1();
        float b = Ranking.LUCENE_BM25.b();
        NodeList params = similarity.getElementsByTagName("float");
        for (int i = 0; i < params.getLength(); i++) {
            Element p = (Element) params.item(i);
            float value = Float.parseFloat(p.getTextContent().strip());
            switch (p.getAttribute("name")) {
                case "k1" -> k1 = value;
                case "b" -> b = value;
                default -> throw new AssertionError("unexpected BM25 parameter " + p.getAttribute("name"));
            }
        }
        return new Ranking.Bm25(k1, b);
    }
}
