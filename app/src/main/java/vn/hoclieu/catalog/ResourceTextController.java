package vn.hoclieu.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.hoclieu.account.AccountService;

/**
 * The text-only view of a resource for slow connections ({@code /resources/{id}/text}): its extracted
 * text, one section per page, slide or subtitle cue, each with an anchor a search hit can name
 * ({@code #f<file>-p12}, {@code #f<file>-t331}), no pictures and no players. Long texts are cut into
 * parts of about {@value #PART_CHARS} characters; {@code ?file=&page=} or {@code &t=} opens the part
 * holding that place. Visibility is the resource page's, share links included.
 */
@Controller
class ResourceTextController {

    static final String VIEW = "catalog/text";
    static final int PART_CHARS = 60_000;

    static final Set<String> SLIDES = Set.of(
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.ms-powerpoint",
            "application/vnd.oasis.opendocument.presentation");

    private final CatalogReads catalog;
    private final AccountService accounts;

    ResourceTextController(CatalogReads catalog, AccountService accounts) {
        this.catalog = catalog;
        this.accounts = accounts;
    }

    /**
     * One page, slide or cue (or the whole text of a file that has none).
     *
     * @param kind   page, slide, moment, or none
     * @param number from 1 within its file
     * @param label  what its heading says (a page number, a timecode), or null for none
     */
    public record Segment(long fileId, String fileName, boolean firstOfFile, String kind, int number, String label,
                          String anchor, String text) {
    }

    /** The part shown: its segments, which part it is (from 0) and how many there are. */
    public record Part(List<Segment> segments, int index, int count) {
    }

    @GetMapping("/resources/{id}/text")
    String text(@PathVariable long id, @RequestParam(required = false) Long file,
                @RequestParam(required = false) String page, @RequestParam(name = "t", required = false) String moment,
                @RequestParam(required = false) String part, Model model) {
        var viewer = accounts.currentViewer();
        ResourceView resource = catalog.find(id, viewer, Reading.WITH_GRANTS)
                .orElseThrow(() -> new CatalogException(HttpStatus.NOT_FOUND, "problem.resource.notFound", String.valueOf(id)));
        List<List<Segment>> parts = parts(segments(catalog.fileTexts(id, viewer, Reading.WITH_GRANTS)));
        int index = Math.min(parts.size() - 1, Math.max(0, partHolding(parts, file, number(page), number(moment),
                number(part) == null ? 0 : (int) Math.min(Integer.MAX_VALUE, number(part) - 1))));
        model.addAttribute("resource", resource);
        model.addAttribute("part", parts.isEmpty() ? null : new Part(parts.get(index), index, parts.size()));
        return VIEW;
    }

    static List<Segment> segments(List<ResourceSnapshot.FileText> texts) {
        List<Segment> out = new ArrayList<>();
        Set<String> anchors = new HashSet<>();
        for (ResourceSnapshot.FileText f : texts) {
            String[] pieces = f.text().split("\f", -1);
            String kind = !f.cueStarts().isEmpty() ? "moment" : "application/pdf".equals(f.mediaType()) ? "page"
                    : SLIDES.contains(f.mediaType()) ? "slide" : pieces.length > 1 ? "part" : "none";
            boolean first = true;
            for (int i = 0; i < pieces.length; i++) {
                String piece = pieces[i].strip();
                if (piece.isEmpty() && !kind.equals("page") && !kind.equals("slide")) {
                    continue;
                }
                String label;
                String anchor;
                if (kind.equals("moment")) {
                    double start = i < f.cueStarts().size() ? f.cueStarts().get(i) : 0;
                    long second = (long) Math.floor(start);
                    label = timecode(second);
                    anchor = "f" + f.fileId() + "-t" + second;
                } else {
                    label = kind.equals("none") ? null : String.valueOf(i + 1);
                    anchor = "f" + f.fileId() + (kind.equals("page") || kind.equals("slide") ? "-p" : "-s") + (i + 1);
                }
                // two cues starting in the same second: the anchor names the first
                out.add(new Segment(f.fileId(), f.name(), first, kind, i + 1, label, anchors.add(anchor) ? anchor : null,
                        piece));
                first = false;
            }
        }
        return out;
    }

    /** Consecutive segments of about {@link #PART_CHARS} characters each (a segment is never cut). */
    static List<List<Segment>> parts(List<Segment> segments) {
        List<List<Segment>> parts = new ArrayList<>();
        List<Segment> current = new ArrayList<>();
        int chars = 0;
        for (Segment s : segments) {
            if (!current.isEmpty() && chars + s.text().length() > PART_CHARS) {
                parts.add(current);
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(s);
            chars += s.text().length();
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    /** The part holding the named page or moment of the file (the first file with one if none is named). */
    private static int partHolding(List<List<Segment>> parts, Long file, Long page, Long second, int fallback) {
        if (page == null && second == null) {
            return fallback;
        }
        int found = -1;
        for (int p = 0; p < parts.size(); p++) {
            for (Segment s : parts.get(p)) {
                if (file != null && s.fileId() != file) {
                    continue;
                }
                if (page != null && (s.kind().equals("page") || s.kind().equals("slide")) && s.number() == page) {
                    return p;
                }
                if (second != null && s.kind().equals("moment") && s.anchor() != null
                        && Long.parseLong(s.anchor().substring(s.anchor().indexOf("-t") + 2)) <= second) {
                    found = p;
                }
            }
        }
        return found >= 0 ? found : fallback;
    }

    private static Long number(String value) {
        return value != null && value.matches("\\d{1,9}") ? Long.valueOf(value) : null;
    }

    /** 331 → "05:31"; 3723 → "1:02:03" (as search hits name moments). */
    static String timecode(long s) {
        long h = s / 3600;
        return h > 0 ? String.format("%d:%02d:%02d", h, (s % 3600) / 60, s % 60)
                : String.format("%02d:%02d", (s % 3600) / 60, s % 60);
    }
}
