package vn.hoclieu.search.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * The words of one index that "did you mean" draws on: the terms a pattern of marked variants
 * accepts ({@link Restoration}) and the terms near a typo ({@link Spelling}). One index is the
 * embedded one, or one shard of a SolrCloud collection: the plugin's {@code VocabularyComponent}
 * runs this very code on each shard and adds the answers up as {@link #add} does here for fields,
 * so both backends propose the same candidates from the same documents.
 */
final class Vocabulary {

    /** Terms read from one field's automaton at most, whatever the dictionary holds. */
    static final int MAX_TERMS = 200;
    /** Corrections proposed per field. */
    static final int SIMILAR = 3;
    /** Separates the positions of a pattern in a request parameter (no letter is this). */
    static final char POSITION_SEPARATOR = '\u001f';

    /** The plugin's handler (the configset's solrconfig.xml), its parameters and its answer. */
    static final String HANDLER = "/vocabulary";
    static final String FIELDS = "hoclieu.fields";
    static final String PATTERN = "hoclieu.pattern";
    static final String NEAR = "hoclieu.similar";
    static final String RESPONSE = "vocabulary";

    private static final DirectSpellChecker CHECKER = new DirectSpellChecker();

    static {
        CHECKER.setMinQueryLength(3); // Vietnamese syllables are short
        CHECKER.setMaxEdits(2);
    }

    /** A correction: how close it is (the same everywhere) and how many documents hold it (added up). */
    record Similar(float score, int freq) {
        Similar plus(Similar other) {
            return new Similar(Math.max(score, other.score), freq + other.freq);
        }
    }

    private Vocabulary() {
    }

    /**
     * The first {@value #MAX_TERMS} terms of the field (in term order) that the pattern accepts (one
     * string of allowed characters per position), each with its document frequency, added into {@code into}.
     */
    static void matching(IndexReader reader, String field, List<String> pattern, Map<String, Integer> into)
            throws IOException {
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return;
        }
        TermsEnum te = new CompiledAutomaton(automaton(pattern), true, false).getTermsEnum(terms);
        BytesRef term;
        int read = 0;
        while (read++ < MAX_TERMS && (term = te.next()) != null) {
            into.merge(term.utf8ToString(), te.docFreq(), Integer::sum);
        }
    }

    /** Lucene's {@link DirectSpellChecker} on the field: the {@value #SIMILAR} closest terms, added into {@code into}. */
    static void similar(IndexReader reader, String field, String term, Map<String, Similar> into) throws IOException {
        for (SuggestWord s : CHECKER.suggestSimilar(new Term(field, term), SIMILAR, reader, SuggestMode.SUGGEST_ALWAYS)) {
            into.merge(s.string, new Similar(s.score, s.freq), Similar::plus);
        }
    }

    static String encode(List<String> pattern) {
        return String.join(String.valueOf(POSITION_SEPARATOR), pattern);
    }

    static List<String> decode(String pattern) {
        return List.of(pattern.split(String.valueOf(POSITION_SEPARATOR), -1));
    }

    /** A chain of states, one step per position; built directly, it is deterministic without any work. */
    private static Automaton automaton(List<String> pattern) {
        Automaton.Builder b = new Automaton.Builder();
        int state = b.createState();
        for (String allowed : pattern) {
            int next = b.createState();
            int from = state;
            allowed.codePoints().distinct().forEach(c -> b.addTransition(from, next, c));
            state = next;
        }
        b.setAccept(state, true);
        return b.finish();
    }
}
