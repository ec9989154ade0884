package vn.hoclieu.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Builds a relevance collection of real, third-party Vietnamese documentation from Debian packages,
 * for measuring search ranking. Nothing in the output is written by us: every document is a page a
 * Debian package ships, and every query is a piece of text that the documentation's own authors or
 * translators wrote to point at a page (a table-of-contents entry, a cross-reference, a link text, a
 * Mallard topic description or link title, the heading of a guide's list of links).
 *
 * <p>Usage: {@code java vn.hoclieu.bench.BuildDebianCollection IN OUT}, where {@code IN} is the folder
 * filled by {@code fetch-debian-docs.sh} (one sub-folder per package, holding the {@code dpkg-deb -x}
 * tree, and {@code versions.txt}) and {@code OUT} receives {@code documents.json} and
 * {@code queries.json}. The same input always gives byte-identical output: files are read in sorted
 * order, every map is ordered, nothing depends on the clock, the locale or hash-map iteration.
 *
 * <p>Sources (libreoffice-help-vi is deliberately not among them: it is reserved for a held-out check):
 * <ul>
 *   <li>installation-guide-amd64, its {@code vi/} HTML pages (DocBook, chunked at sect1);</li>
 *   <li>maint-guide-vi, its HTML chapters, split into their sect1 sections (see {@link #maintGuide});</li>
 *   <li>gnome-user-docs, the Vietnamese Mallard pages of gnome-help;</li>
 *   <li>deja-dup, the Vietnamese Mallard pages of its help (see {@link #mallardHelp});</li>
 *   <li>gucharmap, the Vietnamese DocBook manual of Character Map (see {@link #docbookHelp});</li>
 *   <li>manpages-vi, as documents only (distractors; see {@link #manpages}).</li>
 * </ul>
 *
 * <p>Only the JDK and jsoup are needed. The JSON is written by hand, to keep the output format (one
 * query per line, the Vietnamese unescaped) under our control.
 */
public final class BuildDebianCollection {

    // ------------------------------------------------------------------------------------------
    // Tunables, each with the reason for its value.
    // ------------------------------------------------------------------------------------------

    /**
     * Share of a page's prose (code blocks excluded) that must be Vietnamese for the page to be a
     * document. The Debian translations are partial: untranslated paragraphs are shipped in English,
     * and a reader of the Vietnamese manual gets the mixture. A page that is mostly English is not
     * Vietnamese text and is left out (and so are queries that point only at such pages). The cut is
     * 0.25, not 0.5: at 0.5 the installation guide keeps 41 of its 68 pages and gnome-help 14 of its
     * 250 topics, and the queries that point at the rest (about 90) are lost; a page whose prose is at
     * least a quarter Vietnamese (its title, headings and several paragraphs translated) still reads
     * as a Vietnamese page with English passages left in, as the held-out help does where its
     * translation lags. It was 0.3 in the first version of the collection; 0.25 adds 12 pages (9 of
     * gnome-help, 3 of the installation guide) and 21 queries, which the collection
     * needed to reach 300 queries. Each document carries its share ("vietnameseShare"), so a run can
     * keep only the purer ones.
     */
    static final double MIN_VIETNAMESE_SHARE = 0.25;

    /** A page whose body has fewer characters than this is a stub (navigation, a heading), not a page. */
    static final int MIN_TEXT_CHARS = 200;

    /**
     * The longest query kept, in whitespace-separated tokens (Vietnamese syllables). The held-out
     * queries are short (1–4 words); Vietnamese words are mostly one or two syllables, so 12 syllables
     * is about 6–7 words. Longer texts (whole sentences of descriptions, long headings) read like
     * titles or abstracts, not like what people type into a search box. It was 10 in the first
     * version; 11 and 12 add 13 queries (topic descriptions and section headings, each still one
     * phrase) of the few the collection needed to reach 300 queries.
     */
    static final int MAX_QUERY_TOKENS = 12;

    /**
     * A query judged to point at more pages than this is too broad to have been judged completely
     * (e.g. the heading of a whole manual); it is dropped rather than kept with a dubious judgement.
     */
    static final int MAX_RELEVANT = 20;

    /** Vietnamese letters that carry a diacritic (NFC, lower case); their presence marks Vietnamese. */
    static final String VI_LETTERS =
            "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";

    /**
     * Link texts that do not name a topic at all; they only make sense where they stand ("see here").
     * Compared after folding (case and diacritics ignored).
     */
    static final Set<String> DEICTIC = folded(
            "ở đây", "tại đây", "đây", "này", "xem", "xem thêm", "xem ở đây", "xem tại đây", "mục này",
            "phần này", "chương này", "trang này", "thêm", "thêm thông tin", "chi tiết", "tìm hiểu thêm",
            "bên dưới", "bên trên", "dưới đây", "trên đây", "tiếp theo", "trước", "sau", "kế tiếp",
            "trước đó", "lên", "về đầu", "mục lục");

    /**
     * Headings that name no topic of their own: they are read under their parent heading ("B.1.2.
     * Hạn chế" means "limitations of preseeding"), so as a free-standing query they would ask for
     * something far wider than the one page they point at, and that judgement would be wrong. This is
     * the only hand-made list; it was made once by reading all heading candidates, and holds only
     * structural words, never a topic.
     */
    static final Set<String> CONTEXT_ONLY_HEADINGS = folded(
            "giới thiệu", "bắt đầu", "chuẩn bị", "cài đặt", "hạn chế", "nhu cầu", "tổng quan", "ghi chú",
            "lời mở đầu", "lời nói đầu", "vậy cuối cùng", "đòn kết liễu", "cài đặt đích", "thiết lập nguồn",
            "mạng", "đĩa cứng", "ví dụ", "tóm tắt", "mô tả", "tùy chọn", "tuỳ chọn", "lời khuyên", "cảnh báo",
            "quan trọng", "mẹo", "chú ý", "khác", "danh sách", "biểu tượng", "thư mục", "câu hỏi", "vấn đề",
            "mẹo chung", "mẹo nâng cao", "kích thước", "nội dung", "sửa đổi", "truy cập", "vùng trống", "địa điểm",
            "tập tin", "giải đáp thắc mắc", "vấn đề thường gặp", "vấn đề thông thường", "tác vụ thông thường",
            "mẹo và câu hỏi", "khắc phục sự số", "khắc phục sự cố", "chưa cấu hình", "cái sở hữu", "lát");

    // ------------------------------------------------------------------------------------------
    // Data.
    // ------------------------------------------------------------------------------------------

    /** A document as the relevance suite's Material, plus where it came from. */
    record Doc(String id, String title, String text, String source, double vietnameseShare) {
    }

    /** One raw query candidate: a text some page uses to point at one or more documents. */
    record Candidate(String text, Set<String> targets, String kind, String source) {
    }

    /** A query after merging identical strings: every page any of them points at is relevant. */
    static final class Query {
        final String q;
        final Set<String> relevant = new TreeSet<>();
        final Set<String> sources = new LinkedHashSet<>();
        final Set<String> kinds = new TreeSet<>();
        final Set<String> packages = new TreeSet<>();

        Query(String q) {
            this.q = q;
        }
    }

    /** A page's text as blocks (paragraphs, list items, cells, lines of code). */
    record Block(String text, boolean code) {
    }

    final Map<String, Doc> docs = new LinkedHashMap<>();
    final List<Candidate> candidates = new ArrayList<>();
    final Map<String, String> versions = new TreeMap<>();
    final Map<String, String> checksums = new TreeMap<>();
    /** Pages left out, and why; printed as a report. */
    final Map<String, Integer> excluded = new TreeMap<>();
    final Map<String, Integer> dropped = new TreeMap<>();

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BuildDebianCollection <folder from fetch-debian-docs.sh> <output folder>");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        BuildDebianCollection b = new BuildDebianCollection();
        b.readVersions(in.resolve("versions.txt"));
        b.installationGuide(in.resolve("installation-guide-amd64/usr/share/doc/installation-guide-amd64/vi"));
        b.maintGuide(in.resolve("maint-guide-vi/usr/share/doc/maint-guide-vi/html"));
        Path help = Path.of("usr/share/help/vi");
        b.mallardHelp("gnome-user-docs", in.resolve("gnome-user-docs").resolve(help).resolve("gnome-help"), "gnome-help",
                "gh");
        b.mallardHelp("deja-dup", in.resolve("deja-dup").resolve(help).resolve("deja-dup"), "deja-dup", "dd");
        b.docbookHelp("gucharmap", in.resolve("gucharmap").resolve(help).resolve("gucharmap/index.docbook"), "gucharmap",
                "gc");
        b.manpages(in.resolve("manpages-vi/usr/share/man/vi"));
        b.dropDuplicateDocuments();
        List<Query> queries = b.queries();
        Files.createDirectories(out);
        Files.writeString(out.resolve("documents.json"), b.documentsJson(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("queries.json"), b.queriesJson(queries), StandardCharsets.UTF_8);
        b.report(queries);
        if (DUMP != null) {
            Files.write(Path.of(System.getProperty("hoclieu.dump")), DUMP, StandardCharsets.UTF_8);
        }
    }

    void readVersions(Path file) throws IOException {
        // versions.txt is written by fetch-debian-docs.sh: "package version sha256" per line. The
        // versions go into the "about" of both files, so a collection always says what it was built from.
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2) {
                versions.put(f[0], f[1]);
            }
            if (f.length >= 3) {
                checksums.put(f[0], f[2]);
            }
        }
        if (versions.containsKey("libreoffice-help-vi")) {
            throw new IllegalStateException("libreoffice-help-vi is reserved for the held-out check");
        }
    }

    // ------------------------------------------------------------------------------------------
    // installation-guide-amd64 (vi): DocBook HTML chunked at sect1.
    // ------------------------------------------------------------------------------------------

    /**
     * Each sect1 page (chNNsNN.html, apXsNN.html) and each leaf chapter or appendix (the preface, the
     * GPL appendix) is a document. Pages that hold a table of contents (index.html, chNN.html,
     * apX.html) are navigation: a heading, a sentence or two and the list of their sections; they are
     * not documents, but their links are query sources, and a link to one of them points at every
     * page it lists (so a chapter title judges all the chapter's pages relevant).
     */
    void installationGuide(Path dir) throws IOException {
        String pkg = "installation-guide-amd64";
        Map<String, Document> pages = new TreeMap<>();
        for (Path p : list(dir, ".html")) {
            Document d = Jsoup.parse(p.toFile(), "UTF-8");
            // The navigation bars repeat on every page ("Trước đó / Kế tiếp", the page title again,
            // "Lên", "Nhà"): noise for ranking, and their links are not written to point at a topic.
            d.select("div.navheader, div.navfooter").remove();
            pages.put(p.getFileName().toString(), d);
        }
        Map<String, Set<String>> navChildren = new TreeMap<>();
        Map<String, String> fileToDoc = new TreeMap<>();
        for (Map.Entry<String, Document> e : pages.entrySet()) {
            String file = e.getKey();
            Document d = e.getValue();
            if (d.selectFirst("div.toc") != null) {
                Set<String> children = new TreeSet<>();
                for (Element a : d.select("div.toc a[href]")) {
                    String target = a.attr("href").split("#", 2)[0];
                    if (!target.isEmpty() && !target.equals(file)) {
                        children.add(target);
                    }
                }
                navChildren.put(file, children);
                continue;
            }
            String title = stripNumbering(clean(d.title()));
            Element body = d.body().clone();
            Element titlePage = body.selectFirst("div.titlepage");
            if (titlePage != null) {
                titlePage.remove(); // the page title is the title field; the text is the body
            }
            String id = "ig-" + file.replace(".html", "");
            addDoc(pkg, id, title, blocks(body), pkg + " " + versions.get(pkg) + ": vi/" + file);
            if (docs.containsKey(id)) {
                fileToDoc.put(file, id);
                inPageTerms(pkg, "vi/" + file, id, body);
            }
        }
        for (Map.Entry<String, Document> e : pages.entrySet()) {
            String from = e.getKey();
            for (Element a : e.getValue().select("a[href]")) {
                String href = a.attr("href");
                if (href.contains(":") || a.hasClass("footnote") || a.hasClass("para")) {
                    continue; // external URLs; footnote markers "[3]" are numbers, not texts
                }
                String file = href.split("#", 2)[0];
                if (file.isEmpty() || file.equals(from)) {
                    continue; // a page pointing at itself: the brief asks for texts from other pages
                }
                Set<String> targets = resolve(file, navChildren, fileToDoc);
                String kind = a.closest("div.toc, dl.toc, div.list-of-tables, div.list-of-figures,"
                        + " div.list-of-examples") != null ? "table of contents" : "cross-reference";
                candidates.add(new Candidate(a.text(), targets, kind,
                        pkg + ": " + kind + " in vi/" + from + " → " + href));
            }
        }
    }

    /**
     * Texts a DocBook page uses to name what it covers, other than its title: the headings of its
     * sub-sections (sect2 and deeper), the terms of its variable lists, and the words it marks as a
     * first use of a term ({@code <firstterm>}). They play the part an index would (the guides have
     * none): an index entry names a topic a page covers, usually in that page's own words. They are a
     * separate kind in the source field, so a run can leave them out.
     */
    void inPageTerms(String pkg, String where, String id, Element body) {
        for (Element h : body.select("h2, h3, h4, h5, h6")) {
            candidates.add(new Candidate(h.text(), Set.of(id), "heading inside the page",
                    pkg + ": heading in " + where));
        }
        for (Element t : body.select("dt span.term, em.firstterm, span.firstterm, span.glossterm")) {
            candidates.add(new Candidate(t.text(), Set.of(id), "defined term", pkg + ": "
                    + (t.hasClass("term") ? "term of a variable list" : "first use of a term") + " in " + where));
        }
    }

    /** A link to a navigation page points at the documents it lists, recursively. */
    static Set<String> resolve(String file, Map<String, Set<String>> navChildren, Map<String, String> fileToDoc) {
        Set<String> out = new TreeSet<>();
        resolve(file, navChildren, fileToDoc, out, new TreeSet<>());
        return out;
    }

    private static void resolve(String file, Map<String, Set<String>> navChildren, Map<String, String> fileToDoc,
                                Set<String> out, Set<String> seen) {
        if (!seen.add(file)) {
            return;
        }
        if (fileToDoc.containsKey(file)) {
            out.add(fileToDoc.get(file));
        } else if (navChildren.containsKey(file)) {
            for (String child : navChildren.get(file)) {
                resolve(child, navChildren, fileToDoc, out, seen);
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // maint-guide-vi: DocBook HTML chunked per chapter; split here at sect1.
    // ------------------------------------------------------------------------------------------

    /**
     * The Vietnamese New Maintainers' Guide ships one HTML file per chapter (20–80 kB each). The
     * installation guide, made by the same DocBook tool chain, is chunked at sect1, and the held-out
     * collection is made of pages; so each sect1 section here is a document, with the footnotes it
     * references. The text before the first section is not a document: in every chapter it is the same
     * notice that the guide is superseded, then the chapter's table of contents. A link to a chapter
     * (its table-of-contents entry) points at all its sections.
     */
    void maintGuide(Path dir) throws IOException {
        String pkg = "maint-guide-vi";
        Map<String, Document> pages = new TreeMap<>();
        for (Path p : list(dir, ".vi.html")) {
            // These files are XHTML with empty anchors "<a id=\"x\"/>"; an HTML parser would open an
            // <a> there and wrap what follows in it, so they are read as XML.
            Document d = Jsoup.parse(Files.readString(p, StandardCharsets.UTF_8), "", Parser.xmlParser());
            d.select("div.navheader, div.navfooter").remove();
            pages.put(p.getFileName().toString(), d);
        }
        // anchor key "file#id" (or "file" for the whole chapter) → documents it points at
        Map<String, Set<String>> anchors = new TreeMap<>();
        // element → section document, to know where a link stands
        Map<Element, String> sectionOf = new LinkedHashMap<>();
        for (Map.Entry<String, Document> e : pages.entrySet()) {
            String file = e.getKey();
            Document d = e.getValue();
            Element chapter = d.selectFirst("div.chapter, div.appendix");
            if (chapter == null) {
                continue; // index.vi.html: the title page and the full table of contents
            }
            Set<String> chapterDocs = new TreeSet<>();
            for (Element section : chapter.children()) {
                if (!section.hasClass("section")) {
                    continue;
                }
                Element head = section.selectFirst("div.titlepage h2, div.titlepage h1");
                Element idAnchor = head == null ? null : head.selectFirst("a[id]");
                String sid = idAnchor != null ? idAnchor.id() : section.id();
                String id = "mg-" + file.replace(".vi.html", "") + "-" + sid;
                String title = stripNumbering(clean(head == null ? "" : head.text()));
                Element body = section.clone();
                Element titlePage = body.selectFirst("div.titlepage");
                if (titlePage != null) {
                    titlePage.remove();
                }
                // Footnotes are printed at the end of the chapter; each belongs to the section that
                // references it, so it is appended to that section's text.
                List<Block> blocks = new ArrayList<>(blocks(body));
                for (Element ref : section.select("a.footnote[href^=#ftn.]")) {
                    Element note = d.getElementById(ref.attr("href").substring(1));
                    if (note != null) {
                        Element n = note.clone();
                        n.select("a.para").remove();
                        blocks.addAll(blocks(n));
                        sectionOf.put(note, id);
                        for (Element inNote : note.getAllElements()) {
                            sectionOf.put(inNote, id);
                        }
                    }
                }
                addDoc(pkg, id, title, blocks, pkg + " " + versions.get(pkg) + ": html/" + file + "#" + sid);
                if (!docs.containsKey(id)) {
                    continue;
                }
                chapterDocs.add(id);
                inPageTerms(pkg, "html/" + file + "#" + sid, id, body);
                for (Element el : section.getAllElements()) {
                    sectionOf.put(el, id);
                    if (!el.id().isEmpty()) {
                        anchors.put(file + "#" + el.id(), Set.of(id));
                    }
                }
            }
            // Anchors outside any section (the chapter's own id) stand for the whole chapter.
            anchors.put(file, chapterDocs);
            for (Element el : chapter.getAllElements()) {
                if (!el.id().isEmpty() && !anchors.containsKey(file + "#" + el.id()) && !sectionOf.containsKey(el)) {
                    anchors.put(file + "#" + el.id(), chapterDocs);
                }
            }
        }
        for (Map.Entry<String, Document> e : pages.entrySet()) {
            String from = e.getKey();
            for (Element a : e.getValue().select("a[href]")) {
                String href = a.attr("href");
                if (href.contains(":") || a.hasClass("footnote") || a.hasClass("para")) {
                    continue;
                }
                String key = href.startsWith("#") ? from + href : href;
                if (key.endsWith("#")) {
                    key = key.substring(0, key.length() - 1);
                }
                Set<String> targets = new TreeSet<>(anchors.getOrDefault(key, Set.of()));
                String fromDoc = sectionOf.get(a);
                if (fromDoc != null) {
                    targets.remove(fromDoc); // a section pointing at itself
                }
                String kind = a.closest("div.toc, dl.toc") != null ? "table of contents" : "cross-reference";
                candidates.add(new Candidate(a.text(), targets, kind,
                        pkg + ": " + kind + " in html/" + from + " → " + href));
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Mallard help (vi): gnome-help of gnome-user-docs, deja-dup's help.
    // ------------------------------------------------------------------------------------------

    /**
     * Topic pages are documents (guide pages are lists of links: navigation). Query sources, all
     * texts that Mallard shows as or over a link to a page:
     * <ul>
     *   <li>a topic's {@code <desc>}: shown under its link on every guide page that lists it. It is
     *   therefore NOT stored in the document (neither in description nor in text), or the query
     *   would match itself;</li>
     *   <li>a topic's {@code <title type="link">}: the text of links to it, when it differs from the
     *   title;</li>
     *   <li>a guide's title and its sections' titles: the heading over the links to the topics that
     *   declare that guide (or section) as theirs, so all of those topics are relevant;</li>
     *   <li>inline {@code <link xref>} texts written in another page.</li>
     * </ul>
     * Conditional content ({@code if:test}, {@code if:choose}) is resolved for the standard GNOME
     * desktop (not Classic, not Ubuntu, not mobile), which is what Yelp shows there; otherwise both
     * variants of a paragraph would be counted twice.
     *
     * <p>A guide page (or a section of one) that is itself listed on another guide is shown there as a
     * link with its own {@code <desc>} under it and, when it has one, its {@code <title type="link">}
     * as the link's text ("Vấn đề năng lượng" for the section titled just "Vấn đề"). Those texts point
     * at the guide as the guide heading does: at every topic it lists ("guide description", "link title").
     *
     * @param app the help's folder name ({@code usr/share/help/vi/APP}), for the source fields
     * @param prefix the documents' id prefix
     */
    void mallardHelp(String pkg, Path dir, String app, String prefix) throws IOException {
        Map<String, Element> pages = new TreeMap<>();
        for (Path p : list(dir, ".page")) {
            Document d = Jsoup.parse(Files.readString(p, StandardCharsets.UTF_8), "", Parser.xmlParser());
            // Yelp shows <keyseq><key>Ctrl</key><key>S</key></keyseq> as "Ctrl+S" (the join
            // attribute, "+" by default) and <guiseq> as "Files ▸ Open"; without the joiners the
            // text would read "CtrlS", "FilesOpen".
            for (Element keyseq : d.getElementsByTag("keyseq")) {
                joinChildren(keyseq, keyseq.hasAttr("join") ? keyseq.attr("join") : "+");
            }
            for (Element guiseq : d.getElementsByTag("guiseq")) {
                joinChildren(guiseq, " ▸ ");
            }
            Element page = d.selectFirst("page");
            if (page != null) {
                pages.put(page.attr("id"), page);
            }
        }
        Map<String, String> pageToDoc = new TreeMap<>();
        for (Map.Entry<String, Element> e : pages.entrySet()) {
            Element page = e.getValue();
            if ("guide".equals(page.attr("type"))) {
                continue;
            }
            Element body = page.clone();
            Element title = directChild(body, "title");
            String titleText = title == null ? "" : clean(title.text());
            if (title != null) {
                title.remove();
            }
            for (Element info : body.getElementsByTag("info")) {
                info.remove(); // credits, revisions, links, desc: metadata, not what the page shows
            }
            String id = prefix + "-" + e.getKey();
            addDoc(pkg, id, titleText, mallardBlocks(body), pkg + " " + versions.get(pkg) + ": vi/" + app + "/"
                    + e.getKey() + ".page");
            if (docs.containsKey(id)) {
                pageToDoc.put(e.getKey(), id);
                String file = "vi/" + app + "/" + e.getKey() + ".page";
                for (Element section : body.getElementsByTag("section")) {
                    Element st = directChild(section, "title");
                    if (st != null) {
                        candidates.add(new Candidate(st.text(), Set.of(id), "heading inside the page",
                                pkg + ": section title in " + file));
                    }
                }
                for (Element terms : body.getElementsByTag("terms")) {
                    for (Element item : terms.children()) {
                        Element it = directChild(item, "title");
                        if (it != null) {
                            candidates.add(new Candidate(it.text(), Set.of(id), "defined term",
                                    pkg + ": term of a term list in " + file));
                        }
                    }
                }
            }
        }
        Set<String> guides = new TreeSet<>();
        for (Map.Entry<String, Element> e : pages.entrySet()) {
            if ("guide".equals(e.getValue().attr("type"))) {
                guides.add(e.getKey());
            }
        }
        // Who lists whom: guide (or "guide#section") → member pages, and member sections ("page#section")
        // of guide pages that declare a guide of their own (power#problems is listed on hardware#problems).
        Map<String, Set<String>> members = new TreeMap<>();
        for (Map.Entry<String, Element> e : pages.entrySet()) {
            Map<String, Element> infos = new LinkedHashMap<>();
            infos.put(e.getKey(), directChild(e.getValue(), "info"));
            for (Element section : e.getValue().getElementsByTag("section")) {
                if (!section.attr("id").isEmpty()) {
                    infos.put(e.getKey() + "#" + section.attr("id"), directChild(section, "info"));
                }
            }
            for (Map.Entry<String, Element> i : infos.entrySet()) {
                if (i.getValue() == null) {
                    continue;
                }
                for (Element link : i.getValue().getElementsByTag("link")) {
                    String xref = link.attr("xref");
                    if (xref.isEmpty()) {
                        continue;
                    }
                    if ("guide".equals(link.attr("type"))) {
                        members.computeIfAbsent(xref, k -> new TreeSet<>()).add(i.getKey());
                        if (xref.contains("#")) {
                            members.computeIfAbsent(xref.split("#", 2)[0], k -> new TreeSet<>()).add(i.getKey());
                        }
                    } else if ("topic".equals(link.attr("type"))) {
                        members.computeIfAbsent(i.getKey(), k -> new TreeSet<>()).add(xref.split("#", 2)[0]);
                    }
                }
            }
        }
        for (Map.Entry<String, Element> e : pages.entrySet()) {
            String pid = e.getKey();
            Element page = e.getValue();
            Element info = directChild(page, "info");
            String file = "vi/" + app + "/" + pid + ".page";
            if (info != null && pageToDoc.containsKey(pid)) {
                Element desc = directChild(info, "desc");
                if (desc != null) {
                    candidates.add(new Candidate(desc.text(), Set.of(pageToDoc.get(pid)), "topic description",
                            pkg + ": <desc> of " + file + " (shown under the links to it)"));
                }
                for (Element t : info.getElementsByTag("title")) {
                    if ("link".equals(t.attr("type")) || "text".equals(t.attr("type"))) {
                        candidates.add(new Candidate(t.text(), Set.of(pageToDoc.get(pid)), "link title",
                                pkg + ": <title type=\"" + t.attr("type") + "\"> of " + file));
                    }
                }
            }
            if ("guide".equals(page.attr("type"))) {
                Element title = directChild(page, "title");
                Set<String> listed = docsOf(members.get(pid), pageToDoc, members, guides);
                if (title != null) {
                    candidates.add(new Candidate(title.text(), listed, "guide heading",
                            pkg + ": title of guide " + file + " over its topic links"));
                }
                if (info != null) {
                    guideLinkTexts(pkg, info, listed, file);
                }
            }
            // Section titles of any page over a list of links: the members that point at page#section.
            for (Element section : page.getElementsByTag("section")) {
                Element st = directChild(section, "title");
                String key = pid + "#" + section.attr("id");
                if (st != null && members.containsKey(key)) {
                    Set<String> listed = docsOf(members.get(key), pageToDoc, members, guides);
                    candidates.add(new Candidate(st.text(), listed, "guide heading",
                            pkg + ": section title " + file + "#" + section.attr("id") + " over its topic links"));
                    Element sectionInfo = directChild(section, "info");
                    if (sectionInfo != null) {
                        guideLinkTexts(pkg, sectionInfo, listed, file + "#" + section.attr("id"));
                    }
                }
            }
            Element body = page.clone();
            for (Element i : body.getElementsByTag("info")) {
                i.remove();
            }
            resolveConditionals(body);
            for (Element link : body.getElementsByTag("link")) {
                String xref = link.attr("xref");
                if (xref.isEmpty() || xref.startsWith("#")) {
                    continue; // external (href) or within the same page
                }
                String target = xref.split("#", 2)[0];
                if (target.equals(pid)) {
                    continue;
                }
                Set<String> targets = pageToDoc.containsKey(target) ? Set.of(pageToDoc.get(target))
                        : docsOf(members.get(target), pageToDoc, members, guides);
                candidates.add(new Candidate(link.text(), targets, "link text",
                        pkg + ": link text in " + file + " → " + xref));
            }
        }
    }

    /** Puts a joiner between the child elements of a sequence element, as the help viewer shows it. */
    static void joinChildren(Element sequence, String join) {
        List<Element> parts = new ArrayList<>(sequence.children());
        for (int k = 1; k < parts.size(); k++) {
            parts.get(k).before(new TextNode(join));
        }
    }

    /**
     * The {@code <desc>} and link titles of a guide (or of a section of a guide page), shown on the
     * guides that list it: they point at every topic the guide lists.
     */
    void guideLinkTexts(String pkg, Element info, Set<String> targets, String where) {
        Element desc = directChild(info, "desc");
        if (desc != null) {
            candidates.add(new Candidate(desc.text(), targets, "guide description",
                    pkg + ": <desc> of guide " + where + " (shown under the links to it)"));
        }
        for (Element t : info.getElementsByTag("title")) {
            if ("link".equals(t.attr("type")) || "text".equals(t.attr("type"))) {
                candidates.add(new Candidate(t.text(), targets, "link title",
                        pkg + ": <title type=\"" + t.attr("type") + "\"> of guide " + where));
            }
        }
    }

    /**
     * The documents a guide lists: its topics, and, recursively, what the guides (and guide sections)
     * it lists list in turn, as a link to a chapter of the installation guide points at all its
     * sections: the hardware guide lists the power guide, so "Phần cứng" points at the power topics.
     */
    static Set<String> docsOf(Set<String> pageIds, Map<String, String> pageToDoc, Map<String, Set<String>> members,
                              Set<String> guides) {
        Set<String> out = new TreeSet<>();
        docsOf(pageIds, pageToDoc, members, guides, out, new TreeSet<>());
        return out;
    }

    private static void docsOf(Set<String> pageIds, Map<String, String> pageToDoc, Map<String, Set<String>> members,
                               Set<String> guides, Set<String> out, Set<String> seen) {
        if (pageIds == null) {
            return;
        }
        for (String p : pageIds) {
            if (!seen.add(p)) {
                continue;
            }
            if (pageToDoc.containsKey(p)) {
                out.add(pageToDoc.get(p));
            } else if (guides.contains(p.split("#", 2)[0])) {
                // only guides list pages; a topic left out of the collection (untranslated) that has a
                // section of links is not followed: what it lists is not what the text points at
                docsOf(members.get(p), pageToDoc, members, guides, out, seen);
            }
        }
    }

    static final Set<String> MALLARD_BLOCKS = Set.of("p", "title", "subtitle", "item", "td", "th", "tr", "screen",
            "note", "list", "steps", "terms", "tree", "table", "section", "example", "figure", "listing", "quote",
            "synopsis", "cite", "desc", "links", "div");
    static final Set<String> MALLARD_SKIP = Set.of("info", "media", "include", "comment", "its:rules",
            "uix:thumb", "tt:tt", "tt:body", "tt:div", "tt:p", "credit");

    List<Block> mallardBlocks(Element body) {
        resolveConditionals(body);
        BlockWriter w = new BlockWriter();
        w.walk(body, MALLARD_BLOCKS, MALLARD_SKIP, Set.of("screen"));
        return w.blocks;
    }

    /** Keeps what Yelp shows on the standard GNOME desktop; see {@link #mallardHelp}. */
    static void resolveConditionals(Element root) {
        for (Element el : new ArrayList<>(root.getAllElements())) {
            if (el.parent() == null && el != root) {
                continue;
            }
            if (el.hasAttr("if:test") && !conditionHolds(el.attr("if:test"))) {
                el.remove();
            }
        }
        for (Element choose : new ArrayList<>(root.getElementsByTag("if:choose"))) {
            if (choose.parent() == null) {
                continue;
            }
            Element chosen = null;
            for (Element when : choose.getElementsByTag("if:when")) {
                if (conditionHolds(when.attr("test"))) {
                    chosen = when;
                    break;
                }
            }
            List<Node> keep = new ArrayList<>();
            if (chosen != null) {
                keep.addAll(chosen.childNodes());
            } else {
                for (Node n : choose.childNodes()) {
                    if (n instanceof Element c && c.tagName().equals("if:when")) {
                        continue;
                    }
                    if (n instanceof Element c && c.tagName().equals("if:else")) {
                        keep.addAll(c.childNodes());
                    } else {
                        keep.add(n);
                    }
                }
            }
            for (Node n : new ArrayList<>(keep)) {
                choose.before(n.clone());
            }
            choose.remove();
        }
    }

    /**
     * Mallard test: comma = or, space = and, "!" = not. On the standard desktop none of the tokens
     * used in gnome-help (platform:gnome-classic, platform:ubuntu, target:mobile, action:install) holds.
     */
    static boolean conditionHolds(String test) {
        for (String alternative : test.split(",")) {
            boolean all = true;
            for (String token : alternative.trim().split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                // no platform/target/action token holds on the standard desktop, so only "!x" is true
                if (!token.startsWith("!")) {
                    all = false;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------
    // DocBook help (vi): gucharmap's manual, one article in one XML file.
    // ------------------------------------------------------------------------------------------

    static final Set<String> DOCBOOK_BLOCKS = Set.of("para", "simpara", "title", "term", "listitem", "entry", "row",
            "varlistentry", "itemizedlist", "orderedlist", "variablelist", "table", "informaltable", "note", "tip",
            "warning", "important", "caution", "figure", "example", "sect1", "sect2", "sect3", "sect4", "section",
            "formalpara", "blockquote", "procedure", "step", "programlisting", "screen", "literallayout");
    static final Set<String> DOCBOOK_SKIP = Set.of("indexterm", "mediaobject", "inlinemediaobject", "screenshot",
            "remark", "comment", "info", "sect1info", "sect2info", "sectioninfo");

    /**
     * A DocBook manual as Yelp shows it, one page per sect1, like {@link #maintGuide}: each sect1 is a
     * document (title: its title; text: the rest, untranslated paragraphs included as shipped).
     * Query sources, as in the installation guide: sub-section titles ("heading inside the page"), the
     * terms of variable lists and first uses of terms ("defined term"), and texts of
     * {@code <link linkend>} written in another section ("cross-reference"). Screenshots' alternative
     * texts and index terms are not shown on the page and are left out of the text.
     */
    void docbookHelp(String pkg, Path file, String app, String prefix) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: run fetch-debian-docs.sh first");
        }
        Document d = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "", Parser.xmlParser());
        // As Yelp shows them: "Accessories ▸ Character Map", "Ctrl+V".
        for (Element menu : d.getElementsByTag("menuchoice")) {
            joinChildren(menu, " ▸ ");
        }
        for (Element keys : d.getElementsByTag("keycombo")) {
            joinChildren(keys, "+");
        }
        Element article = d.selectFirst("article, book");
        if (article == null) {
            throw new IllegalStateException(file + " holds no DocBook article");
        }
        String where = "vi/" + app + "/" + file.getFileName();
        Map<String, String> anchorToDoc = new TreeMap<>();
        Map<Element, String> sectionOf = new LinkedHashMap<>();
        for (Element sect : article.children()) {
            if (!sect.tagName().equals("sect1") && !sect.tagName().equals("section")) {
                continue;
            }
            Element head = directChild(sect, "title");
            String id = prefix + "-" + sect.id();
            Element body = sect.clone();
            Element bodyTitle = directChild(body, "title");
            if (bodyTitle != null) {
                bodyTitle.remove();
            }
            BlockWriter w = new BlockWriter();
            w.walk(body, DOCBOOK_BLOCKS, DOCBOOK_SKIP, Set.of("programlisting", "screen", "literallayout"));
            addDoc(pkg, id, stripNumbering(clean(head == null ? "" : head.text())), w.blocks,
                    pkg + " " + versions.get(pkg) + ": " + where + "#" + sect.id());
            if (!docs.containsKey(id)) {
                continue;
            }
            for (Element el : sect.getAllElements()) {
                sectionOf.put(el, id);
                if (!el.id().isEmpty()) {
                    anchorToDoc.put(el.id(), id);
                }
            }
            for (Element h : sect.select("sect2 > title, sect3 > title, sect4 > title, section section > title")) {
                candidates.add(new Candidate(h.text(), Set.of(id), "heading inside the page",
                        pkg + ": sub-section title in " + where + "#" + sect.id()));
            }
            for (Element t : sect.select("varlistentry > term, firstterm, glossterm")) {
                candidates.add(new Candidate(t.text(), Set.of(id), "defined term", pkg + ": "
                        + (t.tagName().equals("term") ? "term of a variable list" : "first use of a term") + " in "
                        + where + "#" + sect.id()));
            }
        }
        for (Element link : article.select("link[linkend]")) {
            String target = anchorToDoc.get(link.attr("linkend"));
            if (target == null || target.equals(sectionOf.get(link))) {
                continue;
            }
            candidates.add(new Candidate(link.text(), Set.of(target), "cross-reference",
                    pkg + ": link text in " + where + " → #" + link.attr("linkend")));
        }
    }

    // ------------------------------------------------------------------------------------------
    // manpages-vi: documents only.
    // ------------------------------------------------------------------------------------------

    /**
     * The Vietnamese manual pages (coreutils, GRUB, diff, bison, flex, recutils…) are documents, and
     * mostly distractors: a query about "khởi động" or "tập tin" must find the guide's page and not a
     * GRUB manual page. The texts that point at a manual page are its name (SEE ALSO: the title,
     * and not Vietnamese) and the description of its NAME line, which whatis and apropos print
     * beside the name; it is a query when it is Vietnamese (most are left in English), and like a
     * Mallard desc it is therefore kept out of the document. Title: "name(section)"; text: every
     * section but NAME.
     * Symbolic links (md5sum.textutils, lex, flex++, [) are the same page under another name: skipped.
     */
    void manpages(Path dir) throws IOException {
        String pkg = "manpages-vi";
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".gz")).sorted().toList();
        }
        for (Path p : files) {
            if (Files.isSymbolicLink(p)) {
                continue;
            }
            String roff;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                roff = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String name = p.getFileName().toString().replaceFirst("\\.gz$", "");
            ManPage m = ManPage.parse(roff);
            if (m == null) {
                excluded.merge(pkg + ": not a page (.so redirect or no NAME)", 1, Integer::sum);
                continue;
            }
            String rel = dir.relativize(p).toString();
            String id = "man-" + name;
            addDoc(pkg, id, m.title, m.blocks, pkg + " " + versions.get(pkg) + ": man/vi/" + rel);
            if (docs.containsKey(id)) {
                candidates.add(new Candidate(m.description, Set.of(id), "manual page description",
                        pkg + ": NAME line of man/vi/" + rel + " (what whatis and apropos show for it)"));
            }
        }
    }

    /** A minimal roff reader for man(7) pages as help2man and po4a write them. */
    record ManPage(String title, String description, List<Block> blocks) {
        static ManPage parse(String roff) {
            String sectionNumber = "";
            List<Block> blocks = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            String section = null;
            StringBuilder nameLine = new StringBuilder();
            boolean nofill = false;
            for (String raw : roff.split("\n")) {
                String line = raw.replace("\r", "");
                if (line.startsWith(".\\\"") || line.startsWith("'\\\"") || line.equals(".")) {
                    continue;
                }
                if (line.startsWith(".so ")) {
                    return null;
                }
                if (line.startsWith(".") || line.startsWith("'")) {
                    String[] parts = line.substring(1).trim().split("\\s+", 2);
                    String macro = parts[0];
                    String arg = parts.length > 1 ? parts[1] : "";
                    if (macro.equals("TH")) {
                        List<String> th = splitArgs(arg);
                        sectionNumber = th.size() > 1 ? th.get(1) : "";
                    }
                    switch (macro) {
                        case "SH", "SS" -> {
                            flush(blocks, cur, nofill);
                            String head = unquote(text(arg));
                            if (macro.equals("SH")) {
                                section = head;
                            }
                            if (!isName(section)) {
                                blocks.add(new Block(head, false));
                            }
                        }
                        case "TP", "PP", "P", "LP", "IP", "HP", "br", "sp", "RS", "RE", "TH", "UR", "MT", "in",
                             "ti", "ne", "PD", "ad", "na", "hy", "nh", "ft", "ps", "ll", "ta", "de", "ds", "if",
                             "ie", "el", "rm", "nr", "ig", "TS", "TE", "EX", "EE" -> {
                            flush(blocks, cur, nofill);
                            if (macro.equals("IP") && !arg.isBlank()) {
                                cur.append(unquote(text(arg))).append(' ');
                            }
                        }
                        case "nf" -> {
                            flush(blocks, cur, nofill);
                            nofill = true;
                        }
                        case "fi" -> {
                            flush(blocks, cur, nofill);
                            nofill = false;
                        }
                        case "UE", "ME" -> cur.append(text(arg)).append(' ');
                        case "B", "I", "SM", "SB" -> cur.append(unquote(text(arg))).append(' ');
                        case "BR", "RB", "IR", "RI", "BI", "IB" -> {
                            // alternating fonts: the arguments are written without spaces between them
                            for (String w : splitArgs(arg)) {
                                cur.append(text(w));
                            }
                            cur.append(' ');
                        }
                        default -> {
                            // unknown request: ignored (it carries no text)
                        }
                    }
                    continue;
                }
                if (isName(section)) {
                    nameLine.append(text(line)).append(' ');
                    continue;
                }
                cur.append(text(line)).append(nofill ? "\n" : " ");
            }
            flush(blocks, cur, nofill);
            String name = clean(nameLine.toString());
            int dash = name.indexOf(" - ");
            if (dash <= 0) {
                return null;
            }
            return new ManPage(name.substring(0, dash) + "(" + sectionNumber + ")", name.substring(dash + 3), blocks);
        }

        static boolean isName(String section) {
            return section != null && (section.equals("TÊN") || section.equals("NAME"));
        }

        static void flush(List<Block> blocks, StringBuilder cur, boolean code) {
            if (code) {
                for (String l : cur.toString().split("\n")) {
                    if (!clean(l).isEmpty()) {
                        blocks.add(new Block(clean(l), true));
                    }
                }
            } else if (!clean(cur.toString()).isEmpty()) {
                blocks.add(new Block(clean(cur.toString()), false));
            }
            cur.setLength(0);
        }

        static List<String> splitArgs(String arg) {
            List<String> out = new ArrayList<>();
            Matcher m = Pattern.compile("\"((?:[^\"]|\"\")*)\"|(\\S+)").matcher(arg);
            while (m.find()) {
                out.add(m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2));
            }
            return out;
        }

        static String unquote(String s) {
            String t = s.trim();
            return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
        }

        static final Map<String, String> NAMED = Map.ofEntries(Map.entry("aq", "'"), Map.entry("co", "©"),
                Map.entry("em", "—"), Map.entry("en", "–"), Map.entry("lq", "“"), Map.entry("rq", "”"),
                Map.entry("oq", "‘"), Map.entry("cq", "’"), Map.entry("dq", "\""), Map.entry("bu", "•"),
                Map.entry("hy", "-"), Map.entry("mi", "-"), Map.entry("ti", "~"), Map.entry("ha", "^"),
                Map.entry("rs", "\\"), Map.entry("bv", "|"), Map.entry("->", "→"), Map.entry("<-", "←"),
                Map.entry("Fo", "«"), Map.entry("Fc", "»"), Map.entry("ga", "`"), Map.entry("aa", "´"));

        /** Roff escapes to text: fonts and zero-width marks removed, special characters named. */
        static String text(String s) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '\\' || i + 1 >= s.length()) {
                    out.append(c);
                    continue;
                }
                char n = s.charAt(++i);
                switch (n) {
                    case 'f' -> { // font: \fB, \f(BI, \f[...]
                        if (i + 1 < s.length() && s.charAt(i + 1) == '(') {
                            i += 3;
                        } else if (i + 1 < s.length() && s.charAt(i + 1) == '[') {
                            i = s.indexOf(']', i);
                        } else {
                            i += 1;
                        }
                    }
                    case '(' -> {
                        String key = i + 2 < s.length() ? s.substring(i + 1, i + 3) : "";
                        out.append(NAMED.getOrDefault(key, ""));
                        i += 2;
                    }
                    case '[' -> {
                        int end = s.indexOf(']', i);
                        String key = end < 0 ? "" : s.substring(i + 1, end);
                        out.append(NAMED.getOrDefault(key, ""));
                        i = end < 0 ? s.length() : end;
                    }
                    case '*' -> { // string: \*(lq, \*[xx], \*R
                        if (i + 1 < s.length() && s.charAt(i + 1) == '(') {
                            String key = i + 3 < s.length() ? s.substring(i + 2, i + 4) : "";
                            out.append(NAMED.getOrDefault(key, ""));
                            i += 3;
                        } else if (i + 1 < s.length() && s.charAt(i + 1) == '[') {
                            int end = s.indexOf(']', i);
                            out.append(NAMED.getOrDefault(end < 0 ? "" : s.substring(i + 2, end), ""));
                            i = end < 0 ? s.length() : end;
                        } else {
                            i += 1;
                        }
                    }
                    case '-' -> out.append('-');
                    case 'e', '\\' -> out.append('\\');
                    case ' ', '~' -> out.append(' ');
                    case '&', ',', '/', '%', ':', '^', '|', 'c', ')' -> {
                        // zero-width or italic corrections: no text
                    }
                    case '"' -> i = s.length(); // comment to end of line
                    default -> out.append(n);
                }
            }
            return out.toString();
        }
    }

    // ------------------------------------------------------------------------------------------
    // Documents.
    // ------------------------------------------------------------------------------------------

    /** Keeps a page as a document if it is Vietnamese and long enough; records why it is left out. */
    void addDoc(String pkg, String id, String title, List<Block> blocks, String source) {
        String text = blocks.stream().map(Block::text).collect(Collectors.joining("\n"));
        double share = vietnameseShare(blocks);
        if (title.isEmpty()) {
            excluded.merge(pkg + ": no title", 1, Integer::sum);
        } else if (text.length() < MIN_TEXT_CHARS) {
            excluded.merge(pkg + ": body under " + MIN_TEXT_CHARS + " characters", 1, Integer::sum);
        } else if (share < MIN_VIETNAMESE_SHARE) {
            excluded.merge(pkg + ": prose under " + Math.round(MIN_VIETNAMESE_SHARE * 100) + " % Vietnamese (untranslated)",
                    1, Integer::sum);
        } else {
            docs.put(id, new Doc(id, title, text, source, share));
        }
    }

    /**
     * The share of prose characters in blocks that read as Vietnamese. A block is Vietnamese when at
     * least one letter in twenty carries a Vietnamese diacritic (running Vietnamese has about one in
     * three; English has none). Code blocks and blocks with fewer than 12 letters (commands, option
     * names, short labels) are neither and are not counted.
     */
    static double vietnameseShare(List<Block> blocks) {
        long vi = 0;
        long all = 0;
        for (Block b : blocks) {
            if (b.code()) {
                continue;
            }
            int letters = 0;
            int marked = 0;
            for (int i = 0; i < b.text().length(); ) {
                int c = b.text().codePointAt(i);
                i += Character.charCount(c);
                if (Character.isLetter(c)) {
                    letters++;
                    if (VI_LETTERS.indexOf(Character.toLowerCase(c)) >= 0) {
                        marked++;
                    }
                }
            }
            if (letters < 12) {
                continue;
            }
            all += b.text().length();
            if (marked * 20 >= letters) {
                vi += b.text().length();
            }
        }
        return all == 0 ? 0 : (double) vi / all;
    }

    /**
     * The same manual page can ship under two names, and a page could in principle appear twice; a
     * document whose text equals an earlier one's is dropped (the earlier, in id order, is kept).
     */
    void dropDuplicateDocuments() {
        Map<String, String> seen = new TreeMap<>();
        for (String id : new ArrayList<>(docs.keySet())) {
            String key = docs.get(id).text();
            if (seen.containsKey(key)) {
                docs.remove(id);
                excluded.merge("duplicate text of another document", 1, Integer::sum);
            } else {
                seen.put(key, id);
            }
        }
    }

    static final Set<String> HTML_BLOCKS = Set.of("p", "div", "li", "dt", "dd", "tr", "td", "th", "h1", "h2", "h3",
            "h4", "h5", "h6", "table", "blockquote", "ul", "ol", "dl", "br", "hr", "caption", "pre");
    static final Set<String> HTML_SKIP = Set.of("script", "style", "img", "head");

    static List<Block> blocks(Element root) {
        Element r = root.clone();
        r.select("a.footnote, sup.footnote").remove(); // "[27]" markers
        BlockWriter w = new BlockWriter();
        w.walk(r, HTML_BLOCKS, HTML_SKIP, Set.of("pre"));
        return w.blocks;
    }

    /** Turns an element tree into text blocks: a new block at every block element. */
    static final class BlockWriter {
        final List<Block> blocks = new ArrayList<>();
        final StringBuilder cur = new StringBuilder();
        int code;

        void walk(Node node, Set<String> blockTags, Set<String> skip, Set<String> codeTags) {
            if (node instanceof TextNode t) {
                cur.append(t.getWholeText());
                return;
            }
            if (!(node instanceof Element el)) {
                return;
            }
            String tag = el.tagName();
            if (skip.contains(tag)) {
                return;
            }
            boolean isCode = codeTags.contains(tag);
            boolean isBlock = blockTags.contains(tag) || isCode;
            if (isBlock) {
                flush();
            }
            if (isCode) {
                code++;
            }
            for (Node child : el.childNodes()) {
                walk(child, blockTags, skip, codeTags);
            }
            if (isCode) {
                flush();
                code--;
            }
            if (isBlock) {
                flush();
            }
        }

        void flush() {
            if (code > 0) {
                for (String line : cur.toString().split("\n")) {
                    String l = clean(line);
                    if (!l.isEmpty()) {
                        blocks.add(new Block(l, true));
                    }
                }
            } else {
                String t = clean(cur.toString());
                if (!t.isEmpty()) {
                    blocks.add(new Block(t, false));
                }
            }
            cur.setLength(0);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Queries.
    // ------------------------------------------------------------------------------------------

    static final Pattern XREF_NUMBER = Pattern.compile(
            "^(?:Phần|Chương|Phụ lục|Mục|Bảng|Hình|Ví dụ)\\s+[0-9A-Z]+(?:\\.[0-9A-Z]+)*\\s*[,.]\\s*(.*)$");
    static final Pattern TOC_NUMBER = Pattern.compile("^(?:[0-9A-Z]{1,2}\\.)+[0-9]*\\.?\\s+(.*)$");

    /**
     * "Phần 5.4.7, “Đệ trình báo cáo cài đặt”", "Chương 7, Khởi động…", "5.4.7. Đệ trình…": the
     * number is generated by DocBook, not written by anyone; the words are what the author wrote.
     */
    static String stripNumbering(String s) {
        String t = s;
        Matcher m = XREF_NUMBER.matcher(t);
        if (m.matches()) {
            t = m.group(1);
        }
        m = TOC_NUMBER.matcher(t);
        if (m.matches()) {
            t = m.group(1);
        }
        return t.trim();
    }

    /** Quotes and punctuation around a link text are not part of what it says. */
    static String trimPunctuation(String s) {
        String t = s.trim();
        String open = "\"'“‘«([>:;,.!?…-–—*•";
        String close = "\"'”’»)]:;,.!?…-–—*•";
        boolean changed = true;
        while (changed && !t.isEmpty()) {
            changed = false;
            if (open.indexOf(t.charAt(0)) >= 0 && !(t.charAt(0) == '(' && t.indexOf(')') > 0
                    && t.indexOf(')') < t.length() - 1)) {
                t = t.substring(1).trim();
                changed = true;
            } else if (!t.isEmpty() && close.indexOf(t.charAt(t.length() - 1)) >= 0
                    && !(t.charAt(t.length() - 1) == ')' && t.indexOf('(') >= 0)) {
                t = t.substring(0, t.length() - 1).trim();
                changed = true;
            }
        }
        return t;
    }

    /** With -Dhoclieu.dump=FILE, every candidate and what became of it is written there (for review). */
    static final List<String> DUMP = System.getProperty("hoclieu.dump") == null ? null : new ArrayList<>();

    List<Query> queries() {
        // Document titles, folded, for the title check below.
        Set<String> titles = new TreeSet<>();
        for (Doc d : docs.values()) {
            titles.add(fold(d.title()));
        }
        Map<String, Query> merged = new TreeMap<>();
        for (Candidate c : candidates) {
            String pkg = c.source().split(":", 2)[0];
            String q = trimPunctuation(stripNumbering(trimPunctuation(clean(c.text()))));
            String reason = rejection(q);
            Set<String> targets = new TreeSet<>(c.targets());
            targets.retainAll(docs.keySet());
            if (reason == null && targets.isEmpty()) {
                // the page pointed at is not in the collection (untranslated, a stub, a guide with no
                // Vietnamese topic) — nothing to judge
                reason = "points at no page of the collection";
            }
            if (DUMP != null) {
                DUMP.add(pkg + "\t" + c.kind() + "\t" + (reason == null ? "KEPT" : reason) + "\t" + q + "\t" + targets
                        + "\t" + c.source());
            }
            if (reason != null) {
                dropped.merge(pkg + " / " + c.kind() + ": " + reason, 1, Integer::sum);
                continue;
            }
            // Identical strings are one query (case aside: the search is case-insensitive). The first
            // spelling met, in source order, is the one kept.
            Query query = merged.computeIfAbsent(q.toLowerCase(Locale.ROOT), k -> new Query(q));
            query.relevant.addAll(targets);
            query.sources.add(c.source());
            query.kinds.add(c.kind());
            query.packages.add(pkg);
        }
        List<Query> out = new ArrayList<>();
        for (Query query : merged.values()) {
            String pkg = String.join("+", query.packages);
            if (titles.contains(fold(query.q))) {
                // Equal to a document's title (case and diacritics aside): either a title query, which
                // the brief excludes, or a query whose obvious answer (the page with that title) was
                // not judged. Either way it measures nothing useful.
                dropped.merge(pkg + ": equals a document title", 1, Integer::sum);
                continue;
            }
            if (unjudgedTitleMatch(query) != null) {
                // The same reason, one step further: the query's words stand, as a phrase, in the title
                // of a page it does not point at — "Phục hồi" (deja-dup's heading over its restore
                // steps) in "Phục hồi tập tin bị mất từ bản sao lưu" (gnome-help), "Phân vùng" (one
                // preseed page) in the titles of the partitioning pages. That page is an obvious answer
                // that nobody judged, so the judgement is incomplete; the query is left out.
                dropped.merge(pkg + ": the title of a page it does not point at holds it", 1, Integer::sum);
                continue;
            }
            if (query.relevant.size() > MAX_RELEVANT) {
                dropped.merge(pkg + ": more than " + MAX_RELEVANT + " relevant pages (too broad)", 1, Integer::sum);
                continue;
            }
            out.add(query);
        }
        return out;
    }

    /** The id of a document not judged relevant whose title holds the query as a phrase, or null. */
    String unjudgedTitleMatch(Query query) {
        String q = " " + fold(query.q) + " ";
        for (Doc d : docs.values()) {
            if (!query.relevant.contains(d.id()) && (" " + fold(d.title()) + " ").contains(q)) {
                return d.id();
            }
        }
        return null;
    }

    /** Why a candidate text is not a query, or null if it is one. */
    static String rejection(String q) {
        if (q.isEmpty()) {
            return "empty (an image or icon link)";
        }
        if (q.contains("://") || q.contains("@") || q.startsWith("/")) {
            return "a URL, address or path";
        }
        String[] tokens = q.split("\\s+");
        int vi = 0;
        int unmarked = 0;
        for (String t : tokens) {
            if (hasVietnameseLetter(t)) {
                vi++;
            } else if (UNMARKED_SYLLABLE.matcher(t.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")).matches()) {
                unmarked++;
            }
        }
        // The collection measures Vietnamese search with and without diacritics: a query must hold at
        // least one marked syllable (else both forms are the same), and be mostly Vietnamese — at
        // least a third of its tokens marked (Vietnamese text has about two in three; an English
        // heading with one Vietnamese word, or a command name, does not pass). Some Vietnamese titles
        // have few marks ("Thông Tin Linh Tinh"): they pass too when at least two tokens in three are
        // marked or have the shape of a Vietnamese syllable. (An English text has no marked token, or
        // too many tokens of other shapes: "Use Déjà Dup (or another backup application) to…" fails.)
        if (vi == 0 || (vi * 3 < tokens.length && (vi + unmarked) * 3 < tokens.length * 2)) {
            return "not Vietnamese (untranslated, or a command or file name)";
        }
        String f = fold(q);
        if (DEICTIC.contains(f)) {
            return "names no topic (\"ở đây\", \"xem thêm\"…)";
        }
        if (CONTEXT_ONLY_HEADINGS.contains(f)) {
            return "a heading that only makes sense under its parent";
        }
        if (tokens.length == 1) {
            // One Vietnamese syllable is rarely a word by itself; every such candidate here is a label
            // read under its context (a column "Tên", "Loại", "Nhóm"), far wider than the page it marks.
            return "a single syllable";
        }
        if (q.contains(":")) {
            // "Dài khoá: 256", "Mật mã: aes": a setting with its value, not a topic
            return "a label with a value";
        }
        if (tokens.length > MAX_QUERY_TOKENS) {
            return "longer than " + MAX_QUERY_TOKENS + " tokens";
        }
        return null;
    }

    /**
     * The shape of a Vietnamese syllable written without marks (initial consonant, vowel cluster, final
     * consonant): "tin", "linh", "song", "qua". Many short English words have it too ("can", "to"),
     * so it only helps a text that already has marked syllables; see {@link #rejection}.
     */
    static final Pattern UNMARKED_SYLLABLE = Pattern.compile("(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?"
            + "(?:oai|oay|uya|uyu|uye|ai|ao|au|ay|eo|ia|iu|oa|oe|oi|ua|ui|uy|ue|a|e|i|o|u|y)(?:ch|ng|nh|[cmnpt])?");

    static boolean hasVietnameseLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (VI_LETTERS.indexOf(Character.toLowerCase(s.charAt(i))) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The half a query belongs to, fixed once: from a SHA-256 of its folded form (lower case,
     * diacritics removed, đ→d). Folding first keeps a query and its unaccented twin — and any two
     * queries that become the same string when typed without diacritics — in the same half. The half
     * depends on the query's text alone, not on the rest of the collection, so adding sources or
     * changing filters never moves a query that was already assigned: the split is made once, and a
     * new query simply joins the half its hash gives (version 1 had 233 queries; all 231 that remain
     * kept their half).
     */
    static String split(String q) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(fold(q).getBytes(StandardCharsets.UTF_8));
            return (h[0] & 1) == 0 ? "tuning" : "reporting";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Text helpers.
    // ------------------------------------------------------------------------------------------

    /** NFC, no-break and odd spaces made plain, runs of white space collapsed. */
    static String clean(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFC);
        t = t.replace('\u00a0', ' ').replace('\u2009', ' ').replace('\u202f', ' ').replace("\u200b", "")
                .replace("\u00ad", "");
        return t.replaceAll("\\s+", " ").trim();
    }

    /** Lower case, diacritics removed, đ→d, punctuation to spaces: for comparing and hashing only. */
    static String fold(String s) {
        String t = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        t = t.replace('đ', 'd').replace('ð', 'd');
        return t.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    static Set<String> folded(String... items) {
        return Arrays.stream(items).map(BuildDebianCollection::fold).collect(Collectors.toCollection(TreeSet::new));
    }

    static Element directChild(Element parent, String tag) {
        for (Element c : parent.children()) {
            if (c.tagName().equals(tag)) {
                return c;
            }
        }
        return null;
    }

    static List<Path> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is missing: run fetch-debian-docs.sh first");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    // ------------------------------------------------------------------------------------------
    // Output.
    // ------------------------------------------------------------------------------------------

    String about(String what) {
        return what + " Built by vn.hoclieu.bench.BuildDebianCollection from Debian packages (bookworm): "
                + versions.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()
                        + (checksums.containsKey(e.getKey()) ? " (sha256 " + checksums.get(e.getKey()) + ")" : ""))
                .collect(Collectors.joining(", "))
                + ". Nothing here is written by the Hoclieu project; the texts are those of the packages'"
                + " authors and Vietnamese translators, under the packages' licences (see each package's"
                + " copyright file). libreoffice-help-vi is not used (reserved for a held-out check).";
    }

    String documentsJson() {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"about\": ").append(json(about("Vietnamese documentation pages: one document per page"
                + " (per sect1 section for maint-guide-vi and gucharmap); title = the page's heading, text = its body without"
                + " the navigation bars; description left empty (Mallard <desc> is a query source)."))).append(",\n");
        sb.append("  \"documents\": [\n");
        int i = 0;
        for (Doc d : docs.values()) {
            sb.append("    {\"id\": ").append(json(d.id())).append(", \"lang\": \"vi\", \"title\": ")
                    .append(json(d.title())).append(", \"description\": \"\", \"subjects\": [],\n")
                    .append("     \"source\": ").append(json(d.source()))
                    .append(", \"vietnameseShare\": ").append(String.format(Locale.ROOT, "%.2f", d.vietnameseShare()))
                    .append(",\n")
                    .append("     \"text\": ").append(json(d.text())).append("}")
                    .append(++i < docs.size() ? ",\n" : "\n");
        }
        sb.append("  ]\n}\n");
        return sb.toString();
    }

    String queriesJson(List<Query> queries) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"about\": ").append(json(about("Queries: texts that these pages' authors wrote to"
                + " point at a page (table-of-contents entries and cross-references with their generated numbers"
                + " removed, link texts, Mallard topic and guide descriptions and link titles, guide headings,"
                + " headings and defined terms inside a page), never a"
                + " document's title. relevant = every page the text points at anywhere. plain: also asked"
                + " without diacritics. split: fixed from a hash of the folded query."))).append(",\n");
        sb.append("  \"queries\": [\n");
        Map<String, Integer> ids = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        for (Query q : queries) {
            String slug = fold(q.q).replace(' ', '-');
            int n = ids.merge(slug, 1, Integer::sum);
            String id = n == 1 ? slug : slug + "-" + n;
            lines.add("    {\"id\": " + json(id) + ", \"q\": " + json(q.q) + ", \"relevant\": "
                    + q.relevant.stream().map(BuildDebianCollection::json).collect(Collectors.joining(", ", "[", "]"))
                    + ", \"plain\": true, \"split\": " + json(split(q.q)) + ", \"kinds\": "
                    + q.kinds.stream().map(BuildDebianCollection::json).collect(Collectors.joining(", ", "[", "]"))
                    + ", \"source\": "
                    + json(String.join(" | ", q.sources)) + "}");
        }
        sb.append(String.join(",\n", lines)).append("\n  ]\n}\n");
        return sb.toString();
    }

    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    void report(List<Query> queries) {
        Map<String, Integer> docsPerPkg = new TreeMap<>();
        for (Doc d : docs.values()) {
            docsPerPkg.merge(d.id().split("-", 2)[0], 1, Integer::sum);
        }
        System.err.println("documents: " + docs.size() + " " + docsPerPkg);
        excluded.forEach((k, v) -> System.err.println("  page left out: " + k + ": " + v));
        Map<String, Integer> perSplit = new TreeMap<>();
        Map<String, Integer> perPkg = new TreeMap<>();
        Map<Integer, Integer> lengths = new TreeMap<>();
        Map<Integer, Integer> relevantCounts = new TreeMap<>();
        for (Query q : queries) {
            perSplit.merge(split(q.q), 1, Integer::sum);
            perPkg.merge(String.join("+", q.packages), 1, Integer::sum);
            lengths.merge(q.q.split("\\s+").length, 1, Integer::sum);
            relevantCounts.merge(Math.min(q.relevant.size(), 10), 1, Integer::sum);
        }
        System.err.println("queries: " + queries.size() + " per split " + perSplit + " per package " + perPkg);
        System.err.println("  tokens per query: " + lengths);
        System.err.println("  relevant per query (10 = 10+): " + relevantCounts);
        dropped.forEach((k, v) -> System.err.println("  candidate dropped: " + k + ": " + v));
    }

}
