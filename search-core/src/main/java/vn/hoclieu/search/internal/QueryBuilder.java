package vn.hoclieu.search.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import vn.hoclieu.search.internal.analysis.AdjacentPairs;
import vn.hoclieu.search.internal.analysis.VietnameseAnalysis;

/**
 * Turns what a person typed into a Lucene query, routed by diacritics as {@code docs/search.md}
 * designs it. The text is never given to a query parser: Lucene syntax typed by a user is just
 * punctuation, so no query can fail to parse.
 *
 * <ul>
 *   <li>each syllable matches the folded fields; if it carries marks, its exact form joins as a
 *       tie-breaker inside the same max (not a sum, which would double-count marked words);
 *   <li>adjacent syllables add a folded-bigram clause (and exact-bigram if accented), so "học tập"
 *       as a compound beats "học" and "tập" scattered;
 *   <li>every adjacent pair found in one field adds a bonus: the words as typed, a heading found;
 *   <li>quoted text must match as a phrase (exact if accented, folded otherwise).
 * </ul>
 *
 * <p>The weights and factors are a {@link Ranking}'s.
 */
final class QueryBuilder {

    /** Syllables read from one query; people type a handful, a pasted paragraph is cut here. */
    static final int MAX_SYLLABLES = 32;

    private final Analyzer folded;
    private final Analyzer exact;
    private final Ranking ranking;

    QueryBuilder(Analyzer folded, Analyzer exact) {
        this(folded, exact, Ranking.DEFAULT);
    }

    QueryBuilder(Analyzer folded, Analyzer exact, Ranking ranking) {
        this.folded = folded;
        this.exact = exact;
        this.ranking = ranking;
    }

    /**
     * @param query      what ranks: each syllable over every field, bigrams, phrases
     * @param matching   the same set of matches, cheaper: each syllable once on {@link Fields#ALL_FOLDED}
     *                   (a syllable matches a resource if its folded form is in any text field, whatever
     *                   the ranking's per-field alternatives), phrases as in {@code query}; for counting
     * @param firstPhase a cheap approximation of {@code query}'s score, to pick the few that {@code query}
     *                   then ranks: the same term clauses (each syllable and adjacent pair in each field) all
     *                   optional and summed, none nested, so that Lucene can skip the documents that cannot
     *                   reach the top (MaxScore/WAND). It matches more than {@code query}: it ranks only
     *                   among {@code matching}'s documents, never alone
     * @param phrasePairs the neighbouring pairs of every quoted phrase, as {@link Fields#ALL_PAIRS} holds them:
     *                   a resource that lacks one cannot match, so {@code matching} may require them all first
     *                   (see {@link #narrowed}) and read phrase positions only where they are
     */
    record Built(Query query, Query matching, Query firstPhase, List<String> foldedTerms, List<String> phrasePairs,
                 boolean empty) {

        /**
         * {@code matching}, with the phrases' pairs required beside it: the same matches, found by
         * reading positions only in the resources that have every pair. Only for an index in which every
         * document has {@link Fields#ALL_PAIRS}.
         */
        Query narrowed() {
            if (phrasePairs.isEmpty()) {
                return matching;
            }
            BooleanQuery.Builder q = new BooleanQuery.Builder().add(matching, Occur.MUST);
            phrasePairs.stream().distinct().forEach(pair -> q.add(new TermQuery(new Term(Fields.ALL_PAIRS, pair)),
                    Occur.FILTER));
            return q.build();
        }
    }

    Built build(String userText) {
        ParsedQuery parsed = ParsedQuery.of(userText);
        // One budget of syllables for words and phrases together: a pasted essay is cut, not refused,
        // and no query can grow past Lucene's clause limit.
        List<Token> words = tokens(parsed.words(), MAX_SYLLABLES);
        int left = MAX_SYLLABLES - words.size();
        List<List<Token>> phrases = new ArrayList<>();
        for (String phrase : parsed.phrases()) {
            if (left <= 0) {
                break;
            }
            List<Token> tokens = tokens(phrase, left);
            if (!tokens.isEmpty()) {
                phrases.add(tokens);
                left -= tokens.size();
            }
        }
        if (words.isEmpty() && phrases.isEmpty()) {
            return new Built(new MatchAllDocsQuery(), new MatchAllDocsQuery(), new MatchAllDocsQuery(), List.of(),
                    List.of(), true);
        }
        BooleanQuery.Builder outer = new BooleanQuery.Builder();
        BooleanQuery.Builder matching = new BooleanQuery.Builder();
        List<String> highlightTerms = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        if (!words.isEmpty()) {
            BooleanQuery.Builder syllables = new BooleanQuery.Builder();
            BooleanQuery.Builder anywhere = new BooleanQuery.Builder();
            for (Token t : words) {
                syllables.add(syllable(t), Occur.SHOULD);
                anywhere.add(new TermQuery(new Term(Fields.ALL_FOLDED, t.folded())), Occur.SHOULD);
                highlightTerms.add(t.folded());
            }
            syllables.setMinimumNumberShouldMatch(ranking.minimumToMatch(words.size()));
            anywhere.setMinimumNumberShouldMatch(ranking.minimumToMatch(words.size()));
            outer.add(syllables.build(), Occur.MUST);
            matching.add(anywhere.build(), Occur.MUST);
            if (ranking.bigram() > 0) {
                for (int i = 0; i + 1 < words.size(); i++) {
                    outer.add(bigram(words.get(i), words.get(i + 1)), Occur.SHOULD);
                }
            }
            if (ranking.allPairs() > 0 && words.size() > 1) {
                outer.add(allPairs(words), Occur.SHOULD);
            }
        }
        for (List<Token> phrase : phrases) {
            Query required = phrase(phrase, false);
            outer.add(required, Occur.MUST);
            matching.add(required, Occur.MUST);
            if (phrase.stream().allMatch(Token::accented) && ranking.exact() > 0) {
                outer.add(boost(phrase(phrase, true), ranking.exact()), Occur.SHOULD);
            }
            phrase.forEach(t -> highlightTerms.add(t.folded()));
            for (int i = 0; i + 1 < phrase.size(); i++) {
                if (ranking.bigram() > 0) {
                    outer.add(bigram(phrase.get(i), phrase.get(i + 1)), Occur.SHOULD);
                }
                pairs.add(AdjacentPairs.of(phrase.get(i).folded(), phrase.get(i + 1).folded()));
            }
        }
        BooleanQuery.Builder first = new BooleanQuery.Builder();
        firstPhase(first, words);
        phrases.forEach(phrase -> firstPhase(first, phrase));
        return new Built(outer.build(), matching.build(), first.build(), highlightTerms, pairs, false);
    }

    /** The flat clauses of {@link Built#firstPhase} for one run of syllables (the words, or one phrase). */
    private void firstPhase(BooleanQuery.Builder first, List<Token> tokens) {
        // an accented syllable's exact form adds the share of its field's weight by which it beats the folded form
        float exactShare = ranking.exact() - 1f;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            for (String field : Fields.TEXT_FIELDS) {
                float w = ranking.weight(field);
                if (w <= 0) {
                    continue;
                }
                first.add(boost(new TermQuery(new Term(field + Fields.FOLDED, t.folded())), w), Occur.SHOULD);
                if (t.accented() && exactShare > 0) {
                    first.add(boost(new TermQuery(new Term(field + Fields.EXACT, t.exact())), w * exactShare),
                            Occur.SHOULD);
                }
                if (i + 1 < tokens.size() && ranking.bigram() > 0) {
                    first.add(boost(new TermQuery(new Term(field + Fields.FOLDED_BIGRAMS,
                            t.folded() + " " + tokens.get(i + 1).folded())), w * ranking.bigram()), Occur.SHOULD);
                }
            }
        }
    }

    /** How many of a query's words a material must contain, as {@link Ranking#DEFAULT} counts them. */
    static int minimumToMatch(int words) {
        return Ranking.DEFAULT.minimumToMatch(words);
    }

    private Query syllable(Token t) {
        List<Query> alternatives = new ArrayList<>();
        for (String field : Fields.TEXT_FIELDS) {
            // every field, whatever its weight: what matches must not depend on the ranking
            float w = ranking.weight(field);
            alternatives.add(boost(new TermQuery(new Term(field + Fields.FOLDED, t.folded())), w));
            if (t.accented() && ranking.exact() > 0) {
                alternatives.add(boost(new TermQuery(new Term(field + Fields.EXACT, t.exact())),
                        w * ranking.exact()));
            }
        }
        return new DisjunctionMaxQuery(alternatives, ranking.tieBreaker());
    }

    private Query bigram(Token a, Token b) {
        List<Query> alternatives = new ArrayList<>();
        boolean accented = a.accented() && b.accented() && ranking.exactBigram() > 0;
        for (String field : Fields.TEXT_FIELDS) {
            float w = ranking.weight(field) * ranking.bigram();
            if (w <= 0) {
                continue;
            }
            alternatives.add(boost(new TermQuery(new Term(field + Fields.FOLDED_BIGRAMS,
                    a.folded() + " " + b.folded())), w));
            if (accented) {
                alternatives.add(boost(new TermQuery(new Term(field + Fields.EXACT_BIGRAMS,
                        a.exact() + " " + b.exact())), w * ranking.exactBigram()));
            }
        }
        return new DisjunctionMaxQuery(alternatives, ranking.tieBreaker());
    }

    /**
     * Every adjacent pair of the words typed, all in one field: what a heading or a phrase of the material
     * typed as it stands earns beyond its pairs one by one. A conjunction of the pairs' terms, which reads no
     * positions: a sloppy phrase over the same words ranked no better on the Debian collection and cost
     * a tenth of a search's CPU (docs/search.md, <i>Ranking decisions</i>).
     */
    private Query allPairs(List<Token> tokens) {
        List<Query> alternatives = new ArrayList<>();
        for (String field : Fields.TEXT_FIELDS) {
            float w = ranking.weight(field) * ranking.allPairs();
            if (w <= 0) {
                continue;
            }
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (int i = 0; i + 1 < tokens.size(); i++) {
                all.add(new TermQuery(new Term(field + Fields.FOLDED_BIGRAMS,
                        tokens.get(i).folded() + " " + tokens.get(i + 1).folded())), Occur.MUST);
            }
            alternatives.add(boost(all.build(), w));
        }
        return new DisjunctionMaxQuery(alternatives, ranking.tieBreaker());
    }

    /**
     * A phrase on the folded fields (what must match) or, as a bonus for a fully accented phrase,
     * the exact ones. Typed with marks, a phrase also requires, in the same field, the exact form of
     * each syllable that carries them: "Đà Nẵng" in quotes matches Đà Nẵng and never "đã nặng" or
     * "đa năng"; a phrase accented only in part ("hoc tập") still finds the fully accented text.
     */
    private Query phrase(List<Token> tokens, boolean accented) {
        List<Query> alternatives = new ArrayList<>();
        for (String textField : Fields.TEXT_FIELDS) {
            // a phrase must match in any field, whatever its weight: matching does not depend on ranking
            float w = ranking.weight(textField);
            String field = textField + (accented ? Fields.EXACT : Fields.FOLDED);
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            for (Token t : tokens) {
                phrase.add(new Term(field, accented ? t.exact() : t.folded()), t.position());
            }
            Query q = phrase.build();
            if (!accented && tokens.stream().anyMatch(Token::accented)) {
                BooleanQuery.Builder marked = new BooleanQuery.Builder().add(q, Occur.MUST);
                tokens.stream().filter(Token::accented).map(Token::exact).distinct().forEach(exact -> marked.add(
                        new TermQuery(new Term(textField + Fields.EXACT, exact)), Occur.FILTER));
                q = marked.build();
            }
            alternatives.add(boost(q, w));
        }
        return new DisjunctionMaxQuery(alternatives, ranking.tieBreaker());
    }

    private static Query boost(Query q, float boost) {
        return boost == 1f ? q : new BoostQuery(q, boost);
    }

    /** A syllable of the query: folded and exact forms, whether the person typed marks on it. */
    record Token(String folded, String exact, boolean accented, int position) {
    }

    private List<Token> tokens(String text, int limit) {
        if (text.isBlank() || limit <= 0) {
            return List.of();
        }
        List<String[]> foldedTerms = analyze(folded, text, limit);
        List<String[]> exactTerms = analyze(exact, text, limit);
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < foldedTerms.size(); i++) {
            String[] f = foldedTerms.get(i);
            String original = f[1];
            boolean accented = VietnameseAnalysis.hasDiacritics(original) && i < exactTerms.size();
            tokens.add(new Token(f[0], accented ? exactTerms.get(i)[0] : f[0], accented, i));
        }
        return tokens;
    }

    /** Terms with the original text they came from. */
    private static List<String[]> analyze(Analyzer analyzer, String text, int limit) {
        List<String[]> out = new ArrayList<>();
        for (TypedWords.Term t : TypedWords.terms(analyzer, text, limit)) {
            out.add(new String[] {t.text(), text.substring(t.start(), t.end())});
        }
        return out;
    }

    /** Quoted phrases and the remaining words. An unbalanced quote is read as plain words. */
    record ParsedQuery(String words, List<String> phrases) {

        static ParsedQuery of(String text) {
            String t = text.replace('“', '"').replace('”', '"').replace('„', '"');
            List<String> phrases = new ArrayList<>();
            StringBuilder words = new StringBuilder();
            int i = 0;
            while (i < t.length()) {
                int open = t.indexOf('"', i);
                int close = open < 0 ? -1 : t.indexOf('"', open + 1);
                if (open < 0 || close < 0) {
                    words.append(' ').append(t, i, t.length());
                    break;
                }
                words.append(' ').append(t, i, open);
                String phrase = t.substring(open + 1, close).strip();
                if (!phrase.isEmpty()) {
                    phrases.add(phrase);
                }
                i = close + 1;
            }
            return new ParsedQuery(words.toString().replace('"', ' ').strip(), phrases);
        }
    }
}
