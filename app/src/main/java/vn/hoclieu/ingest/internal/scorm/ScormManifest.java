package vn.hoclieu.ingest.internal.scorm;

import java.util.List;

/**
 * What a SCORM package holds, as read by {@link ScormPackage#read}.
 *
 * @param version      {@code "1.2"}, {@code "2004"} or {@code "unknown"} (an IMS content package without SCORM markers)
 * @param title        the default organization's title, else the LOM general title, else the manifest identifier;
 *                     null only when the manifest has none of them
 * @param description  the LOM general description, or null
 * @param organization the default organization's item titles in document order, nested items flattened and
 *                     indented by two spaces per level below the top
 * @param launchHref   the path, relative to the package root, of the first SCO (else the first launchable
 *                     resource) whose file is in the package; normalized, never escaping the root, without
 *                     query or fragment; null when there is none
 * @param text         plain text of the package's HTML files, in organization order then the remaining resources,
 *                     NFC, files separated by a blank line; empty when there is none
 * @param htmlFiles    the HTML files whose text is in {@code text}, in the same order
 * @param truncated    whether a limit (characters, bytes, entries) stopped reading before all pages were read
 */
public record ScormManifest(String version, String title, String description, List<String> organization,
        String launchHref, String text, List<String> htmlFiles, boolean truncated) {

    public ScormManifest {
        organization = List.copyOf(organization);
        htmlFiles = List.copyOf(htmlFiles);
        text = text == null ? "" : text;
    }
}
