package vn.hoclieu.search.relevance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;

/**
 * A relevance collection: materials and query cases judged against them. Two exist: our own suite in
 * {@code src/test/resources/relevance/} (short texts written for this project, with deliberate traps;
 * {@link #load()}), and the Debian collection of real third-party documentation, built by
 * {@code BuildDebianCollection} into a folder outside the repository ({@link #load(Path)}), whose
 * queries are split once into a tuning and a reporting half ({@link #half}). The files stay readable
 * (one query per line, the Vietnamese as people write it); what can be derived is derived here rather
 * than typed twice — the unaccented twin of a query, the decomposed form of a material or query marked
 * {@code "form": "NFD"} — so a twin can never drift from its original.
 */
public record RelevanceCollection(List<Material> materials, List<QueryCase> cases) {

    /** A learning material as the catalogue would hold it: one text file, public and published. */
    public record Material(String id, String language, String title, String description, List<String> subjects,
                           String text) {
    }

    /** How a query was typed; metrics are reported per group, because the groups fail in different ways. */
    public enum Group {
        WITH_DIACRITICS("with diacritics"),
        WITHOUT_DIACRITICS("without diacritics"),
        ENGLISH("English");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One query and its judgement.
     *
     * @param relevant what the person wants among the first ten
     * @param first    the material that must rank first, or null
     * @param absent   materials that must not match at all
     * @param source   why the case is here, when it comes from a design note (docs/search.md)
     * @param split    the half of a split collection the query belongs to ({@value #TUNING} or
     *                 {@value #REPORTING}), null in a collection that is not split; a query and its
     *                 unaccented twin are always in the same half
     */
    public record QueryCase(String id, String query, Group group, Set<String> relevant, String first,
                            Set<String> absent, String source, String split) {
    }

    /** The half of a split collection that ranking is tuned on. */
    public static final String TUNING = "tuning";
    /** The half that figures are reported on, and that nothing is tuned on. */
    public static final String REPORTING = "reporting";

    /** Our own suite, from the class path. */
    public static RelevanceCollection load() {
        return parse(read("/relevance/documents.json"), read("/relevance/queries.json"));
    }

    /** A collection in a folder ({@code documents.json} and {@code queries.json}), such as the Debian one. */
    public static RelevanceCollection load(Path folder) {
        return parse(read(folder.resolve("documents.json")), read(folder.resolve("queries.json")));
    }

    /** The same materials with only the cases of one half ({@value #TUNING} or {@value #REPORTING}). */
    public RelevanceCollection half(String split) {
        return new RelevanceCollection(materials, cases.stream().filter(c -> split.equals(c.split())).toList());
    }

    private static RelevanceCollection parse(JsonNode documentsFile, JsonNode queriesFile) {
        JsonNode documents = documentsFile.get("documents");
        JsonNode queries = queriesFile.get("queries");
        List<Material> materials = new ArrayList<>();
        for (JsonNode d : documents) {
            boolean nfd = "NFD".equals(text(d, "form"));
            materials.add(new Material(text(d, "id"), d.has("lang") ? text(d, "lang") : "vi",
                    form(text(d, "title"), nfd), form(text(d, "description"), nfd), strings(d, "subjects"),
                    form(text(d, "text"), nfd)));
        }
        List<QueryCase> cases = new ArrayList<>();
        for (JsonNode q : queries) {
            String query = form(text(q, "q"), "NFD".equals(text(q, "form")));
            Set<String> relevant = set(q, "relevant");
            Set<String> absent = set(q, "absent");
            boolean english = "en".equals(text(q, "lang"));
            Group group = english ? Group.ENGLISH
                    : VietnameseAnalysis.hasDiacritics(query) ? Group.WITH_DIACRITICS : Group.WITHOUT_DIACRITICS;
            String split = text(q, "split");
            cases.add(new QueryCase(text(q, "id"), query, group, relevant, text(q, "first"), absent, text(q, "source"),
                    split));
            if (q.has("plain") && q.get("plain").asBoolean()) {
                Set<String> plainRelevant = q.has("plainRelevant") ? set(q, "plainRelevant") : relevant;
                cases.add(new QueryCase(text(q, "id") + "/plain", stripDiacritics(query), Group.WITHOUT_DIACRITICS,
                        plainRelevant, text(q, "plainFirst"), absent, text(q, "source"), split));
            }
        }
        return new RelevanceCollection(List.copyOf(materials), List.copyOf(cases));
    }

    public List<QueryCase> cases(Group group) {
        return cases.stream().filter(c -> c.group() == group).toList();
    }

    /**
     * What a person types without diacritics: marks dropped and đ written d. Deliberately not the
     * analyzers' folding, so the suite does not test the code with itself.
     */
    static String stripDiacritics(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.replace('đ', 'd').replace('Đ', 'D').replace('ð', 'd').replace('Ð', 'D');
    }

    private static String form(String s, boolean nfd) {
        return s == null || !nfd ? s : Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        JsonNode values = node.get(field);
        if (values != null) {
            values.forEach(v -> out.add(v.asString()));
        }
        return List.copyOf(out);
    }

    private static Set<String> set(JsonNode node, String field) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(strings(node, field)));
    }

    private static JsonNode read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = RelevanceCollection.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
