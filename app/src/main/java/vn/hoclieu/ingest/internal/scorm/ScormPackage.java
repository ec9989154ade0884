package vn.hoclieu.ingest.internal.scorm;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoclieu.ingest.internal.scorm.ManifestDocument.Item;
import vn.hoclieu.ingest.internal.scorm.ManifestDocument.Lom;
import vn.hoclieu.ingest.internal.scorm.ManifestDocument.Resource;

/**
 * Reads a SCORM package (a ZIP with {@code imsmanifest.xml} at its root): its version, title, description, table
 * of contents, launch file and the text of its HTML pages, for the catalogue and the search index.
 *
 * <p><b>What the launch is for.</b> The app does not run packages from the ZIP and offers no SCORM run-time API
 * (no LMS tracking). It stores the package's files and serves them in a sandboxed iframe, starting at
 * {@link ScormManifest#launchHref()}; the package's relative links resolve from there. That is why the launch
 * href is a normalized path that is known to name a file of the package and can never climb out of it: it is
 * joined to a storage location, and a "../" there would serve something that is not part of the package.
 *
 * <p><b>Untrusted input.</b> A package is whatever an uploader made it. Only the first 10,000 ZIP entries are
 * considered; entries whose names escape the root (absolute, "../", backslashes) do not exist for this reader; at
 * most 200 MB are inflated in all and 20 MB per file, and at most 5,000,000 characters of text are kept; beyond
 * a limit reading stops and what was read is returned. The manifest parser refuses DTDs, so no XXE. Nested
 * archives are never opened. Nothing is written to disk. {@link #read} does no timing of its own: like any
 * parse, call it where a timeout is enforced.
 */
public final class ScormPackage {

    private static final Logger log = LoggerFactory.getLogger(ScormPackage.class);

    private static final String MANIFEST = "imsmanifest.xml";

    private ScormPackage() {
    }

    /**
     * The package's manifest and text; empty when the file is not a ZIP, has no {@code imsmanifest.xml} at its
     * root, or the manifest is not well-formed XML. Never throws for a bad package.
     */
    public static Optional<ScormManifest> read(Path zip) {
        return read(zip, Limits.DEFAULT);
    }

    static Optional<ScormManifest> read(Path zip, Limits limits) {
        Objects.requireNonNull(zip, "zip");
        try (PackageEntries entries = PackageEntries.open(zip, limits)) {
            return entries.read(MANIFEST)
                    .flatMap(ManifestReader::read)
                    .map(manifest -> assemble(manifest, entries, limits));
        } catch (IOException e) {
            log.debug("{} is not a readable ZIP: {}", zip, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            log.warn("could not read the SCORM package {}", zip, e);
            return Optional.empty();
        }
    }

    private static ScormManifest assemble(ManifestDocument manifest, PackageEntries entries, Limits limits) {
        Lom lom = manifest.lom();
        if (lom.isEmpty() && manifest.metadataLocation() != null) {
            lom = entries.resolve(manifest.metadataLocation()).flatMap(entries::read)
                    .map(ManifestReader::lomOf).orElse(Lom.NONE);
        }
        String title = firstNonNull(manifest.organizationTitle(), lom.title(), manifest.identifier());

        List<String> organization = new ArrayList<>();
        for (Item item : manifest.items()) {
            organization.add("  ".repeat(item.depth()) + item.title());
        }

        Map<String, Resource> resourcesById = new HashMap<>();
        for (Resource resource : manifest.resources()) {
            if (resource.id() != null) {
                resourcesById.putIfAbsent(resource.id(), resource);
            }
        }
        List<Resource> inOrganizationOrder = new ArrayList<>();
        for (Item item : manifest.items()) {
            Resource resource = resourcesById.get(item.resourceId());
            if (resource != null) {
                inOrganizationOrder.add(resource);
            }
        }

        String launch = launchHref(inOrganizationOrder, manifest.resources(), entries);

        List<Resource> textOrder = new ArrayList<>(inOrganizationOrder);
        textOrder.addAll(manifest.resources());
        List<String> htmlFiles = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        int charsLeft = limits.maxTextChars();
        boolean truncated = false;
        for (String file : htmlFiles(textOrder, entries)) {
            if (charsLeft <= 0 || entries.exhausted()) {
                truncated = true;
                break;
            }
            int limit = charsLeft;
            Optional<String> text = entries.read(file).flatMap(bytes -> HtmlText.of(bytes, limit));
            if (text.isPresent()) {
                htmlFiles.add(file);
                if (!text.get().isEmpty()) {
                    texts.add(text.get());
                    charsLeft -= text.get().length();
                }
            }
        }
        truncated |= entries.exhausted() || charsLeft <= 0;
        String text = Normalizer.normalize(String.join("\n\n", texts), Normalizer.Form.NFC);

        return new ScormManifest(manifest.version(), title, lom.description(), organization, launch, text,
                htmlFiles, truncated);
    }

    /**
     * The first SCO reached from the organization, else the first item's resource, else the first SCO or
     * resource in the manifest — counting only hrefs that name a file of the package.
     */
    private static String launchHref(List<Resource> inOrganizationOrder, List<Resource> all,
            PackageEntries entries) {
        for (List<Resource> candidates : List.of(inOrganizationOrder, all)) {
            for (boolean scoOnly : new boolean[] {true, false}) {
                for (Resource resource : candidates) {
                    if (resource.sco() || !scoOnly) {
                        Optional<String> href = entries.resolve(resource.href());
                        if (href.isPresent()) {
                            return href.get();
                        }
                    }
                }
            }
        }
        return null;
    }

    /** HTML files of the resources, in their order (each resource's href, then its files), once each. */
    private static Set<String> htmlFiles(List<Resource> resources, PackageEntries entries) {
        Set<String> files = new LinkedHashSet<>();
        for (Resource resource : resources) {
            List<String> hrefs = new ArrayList<>();
            hrefs.add(resource.href());
            hrefs.addAll(resource.files());
            for (String href : hrefs) {
                entries.resolve(href).filter(ScormPackage::isHtml).ifPresent(files::add);
            }
        }
        return files;
    }

    private static boolean isHtml(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml");
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
