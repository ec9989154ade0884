package vn.hoclieu.harvest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hoclieu.catalog.HarvestedRecord;
import vn.hoclieu.catalog.MetadataRules;

/**
 * Reads a Dublin Core record (plain {@code oai_dc} or qualified {@code oai_qdc}) into the
 * catalogue's terms — the inverse of what our own provider writes, so that a Hoclieu partner's
 * records arrive whole, and a best reading of any other provider's.
 */
final class RecordMapping {

    private static final Pattern CREATIVE_COMMONS = Pattern.compile(
            "https?://creativecommons\\.org/licenses/([a-z\\-]+)/(\\d\\.\\d)/?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CC0 = Pattern.compile("https?://creativecommons\\.org/publicdomain/zero/1\\.0/?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPDX = Pattern.compile("https?://spdx\\.org/licenses/([A-Za-z0-9.+\\-]+)(\\.html)?");
    /** Our provider's material terms ({@code Vocabulary.materialTerm}), and DCMI types as a fallback. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("book", "BOOK"), Map.entry("e-lecture", "E_LECTURE"), Map.entry("video", "VIDEO"),
            Map.entry("audio", "AUDIO"), Map.entry("presentation", "SLIDES"), Map.entry("worksheet", "WORKSHEET"),
            Map.entry("image", "IMAGE"), Map.entry("movingimage", "VIDEO"), Map.entry("sound", "AUDIO"),
            Map.entry("stillimage", "IMAGE"), Map.entry("interactiveresource", "E_LECTURE"));
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("application/pdf", ".pdf"), Map.entry("text/plain", ".txt"), Map.entry("text/html", ".html"),
            Map.entry("application/epub+zip", ".epub"), Map.entry("video/mp4", ".mp4"), Map.entry("audio/mpeg", ".mp3"),
            Map.entry("image/png", ".png"), Map.entry("image/jpeg", ".jpg"), Map.entry("text/vtt", ".vtt"),
            Map.entry("application/zip", ".zip"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
            Map.entry("application/vnd.oasis.opendocument.text", ".odt"));

    private RecordMapping() {
    }

    static HarvestedRecord toCatalog(OaiResponse.Header h, long partnerId, String partnerName, Long libraryId) {
        String title = h.first("dc:title");
        List<String> audience = new ArrayList<>(h.values("dcterms:educationLevel"));
        audience.addAll(h.values("dcterms:audience"));
        return new HarvestedRecord(partnerId, partnerName, h.identifier(), h.datestamp(), sourceUrl(h), libraryId,
                title, h.values("dc:creator"), h.values("dc:subject"),
                h.values("dc:description").isEmpty() ? null : String.join("\n\n", h.values("dc:description")),
                h.first("dc:publisher"), h.first("dcterms:issued") != null ? h.first("dcterms:issued") : h.first("dc:date"),
                h.first("dc:language"), materialType(h), licence(h), audience, files(h, title));
    }

    /** The record's page at the partner: its first web address among the identifiers. */
    static String sourceUrl(OaiResponse.Header h) {
        return h.values("dc:identifier").stream().filter(RecordMapping::isWebAddress).findFirst().orElse(null);
    }

    private static String materialType(OaiResponse.Header h) {
        // our material term comes after the DCMI type, and says more: the last known one wins
        String found = null;
        for (String t : h.values("dc:type")) {
            String mapped = TYPES.get(t.toLowerCase(Locale.ROOT).replace(" ", ""));
            if (mapped != null && (found == null || !isDcmi(t))) {
                found = mapped;
            }
        }
        return found;
    }

    private static boolean isDcmi(String type) {
        return Character.isUpperCase(type.charAt(0));
    }

    /** An SPDX-style id: stated as one in a rights statement, or read from a licence URI. */
    static String licence(OaiResponse.Header h) {
        for (String rights : h.values("dc:rights")) {
            if (!isWebAddress(rights) && MetadataRules.isLicenceId(rights)) {
                return rights;
            }
        }
        List<String> uris = new ArrayList<>(h.values("dcterms:license"));
        uris.addAll(h.values("dc:rights"));
        for (String uri : uris) {
            Matcher cc = CREATIVE_COMMONS.matcher(uri);
            if (cc.matches()) {
                return "CC-" + cc.group(1).toUpperCase(Locale.ROOT) + "-" + cc.group(2);
            }
            if (CC0.matcher(uri).matches()) {
                return "CC0-1.0";
            }
            Matcher spdx = SPDX.matcher(uri);
            if (spdx.matches()) {
                return spdx.group(1);
            }
        }
        return null;
    }

    /**
     * The files the record links to ({@code dcterms:hasPart}). Names are provisional (the title, and
     * an extension when the formats say which): the partner's own name arrives with the bytes.
     */
    private static List<HarvestedRecord.RemoteFile> files(OaiResponse.Header h, String title) {
        List<String> links = h.values("dcterms:hasPart").stream().filter(RecordMapping::isWebAddress).toList();
        List<String> formats = h.values("dc:format");
        List<HarvestedRecord.RemoteFile> files = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            String type = formats.size() == links.size() ? formats.get(i)
                    : formats.size() == 1 && links.size() == 1 ? formats.get(0) : null;
            String base = title == null || title.isBlank() ? "file-" + (i + 1) : title.strip() + (links.size() > 1 ? " " + (i + 1) : "");
            String extension = type == null ? "" : EXTENSIONS.getOrDefault(type.toLowerCase(Locale.ROOT), "");
            files.add(new HarvestedRecord.RemoteFile(base + extension, type, links.get(i)));
        }
        return files;
    }

    static boolean isWebAddress(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.startsWith("http://") || v.startsWith("https://");
    }
}
