package vn.hoclieu.ingest.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether the title a file carries in its own metadata names the work, or is what an editor wrote there
 * by itself: nothing, a placeholder ("Untitled", "Document1", "Slide 1", "PowerPoint Presentation"), or
 * the file's name again, the way PDF printers do ("Microsoft Word - bai-giang.doc"). A real title always
 * wins over a title made from the file name; a placeholder never does, and the file name stays.
 */
final class DocumentTitles {

    /** What word processors, presentation programs and PDF printers put in the title field unasked. */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(untitled( document)?|no title|new document|document\\s*\\d*|doc\\d+|presentation\\s*\\d*|slide\\s*\\d+"
                    + "|powerpoint presentation|microsoft word document|title|tiêu đề|không có tiêu đề"
                    + "|tài liệu\\s*\\d*|bản trình bày\\s*\\d*)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "Microsoft Word - x.doc", "Microsoft PowerPoint - y.pptx": a printer naming the file it printed. */
    private static final Pattern PRINTED_FILE = Pattern.compile("microsoft\\s+\\w+\\s*-\\s*.*",
            Pattern.CASE_INSENSITIVE);
    /** A title that is only a file name: a name and an extension of a few letters, no spaces. */
    private static final Pattern FILE_NAME = Pattern.compile("[^\\s/\\\\]+\\.[A-Za-z0-9]{2,5}");

    private DocumentTitles() {
    }

    /** The title, stripped, if it names the work; null if it is empty or a placeholder. */
    static String meaningful(String title, String fileName) {
        if (title == null) {
            return null;
        }
        String t = title.strip();
        if (t.isEmpty() || PLACEHOLDER.matcher(t).matches() || PRINTED_FILE.matcher(t).matches()
                || FILE_NAME.matcher(t).matches() || sameAsFileName(t, fileName)) {
            return null;
        }
        return t;
    }

    private static boolean sameAsFileName(String title, String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return false;
        }
        String name = fileName.strip();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return title.equalsIgnoreCase(name) || title.toLowerCase(Locale.ROOT).equals(base.toLowerCase(Locale.ROOT));
    }
}
