package vn.hoclieu.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.exchange.ExchangeManifest;
import vn.hoclieu.ingest.ImportRefusedException;

/**
 * Reads a package's {@code manifest.json} as what it is, input from another machine carried on a USB stick:
 * bounded in size before it is parsed, then checked as a whole. Anything that makes the package as a whole
 * unusable refuses it with a reason before a single resource is stored; what is wrong with one resource is
 * left to {@link ItemCheck}, so that the others are still imported.
 */
final class ManifestReader {

    /** A manifest describes a resource in well under a kilobyte: this is room for a hundred thousand. */
    static final long MAX_MANIFEST_BYTES = 128L << 20;
    static final int MAX_RESOURCES = 100_000;
    /** How far into a manifest.json its format is looked for: the exporter writes it first. */
    private static final int SNIFF_BYTES = 4096;

    /** A later version of the format may add fields: they are skipped, not refused. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private ManifestReader() {
    }

    /**
     * Whether the folder is an exchange package: a {@code manifest.json} at its root that names the format.
     * Another program's manifest.json (a web page's, a course's) leaves the folder to the plain import.
     */
    static boolean isPackage(Path folder) {
        Path manifest = folder.resolve(ExchangeManifest.FILE_NAME);
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(manifest)) {
            return new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8).contains(ExchangeManifest.FORMAT);
        } catch (IOException e) {
            return false;
        }
    }

    /** @throws ImportRefusedException when the package as a whole cannot be imported, saying why */
    static ExchangeManifest read(Path folder) throws ImportRefusedException {
        Path file = folder.resolve(ExchangeManifest.FILE_NAME);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw refused("reason.exchange.manifestUnreadable", shortened(String.valueOf(e.getMessage())));
        }
        if (size > MAX_MANIFEST_BYTES) {
            throw refused("reason.exchange.manifestTooLarge", MAX_MANIFEST_BYTES >> 20);
        }
        ExchangeManifest m;
        try (InputStream in = Files.newInputStream(file)) {
            m = JSON.readValue(in, ExchangeManifest.class);
        } catch (JacksonException e) {
            throw refused("reason.exchange.manifestUnreadable", shortened(e.getOriginalMessage()));
        } catch (IOException e) {
            throw refused("reason.exchange.manifestUnreadable", shortened(String.valueOf(e.getMessage())));
        }
        if (m == null || !ExchangeManifest.FORMAT.equals(m.format())) {
            throw refused("reason.exchange.missing", "format");
        }
        if (m.formatVersion() == null) {
            throw refused("reason.exchange.missing", "formatVersion");
        }
        if (m.formatVersion() < 1 || m.formatVersion() > ExchangeManifest.VERSION) {
            throw refused("reason.exchange.version", m.formatVersion(), ExchangeManifest.VERSION);
        }
        if (m.source() == null || m.source().instance() == null || m.source().instance().isBlank()) {
            throw refused("reason.exchange.missing", "source.instance");
        }
        if (m.created() == null) {
            throw refused("reason.exchange.missing", "created");
        }
        if (m.resources() == null) {
            throw refused("reason.exchange.missing", "resources");
        }
        if (m.resources().size() > MAX_RESOURCES) {
            throw refused("reason.exchange.tooMany", MAX_RESOURCES);
        }
        created(m);
        return m;
    }

    /** When the package was made; a manifest that says it badly is refused by {@link #read}. */
    static Instant created(ExchangeManifest m) throws ImportRefusedException {
        try {
            return Instant.parse(m.created().strip());
        } catch (DateTimeParseException e) {
            throw refused("reason.exchange.badCreated", shortened(m.created()));
        }
    }

    /** The parser's words, enough to find the place, never so long that the import's record cannot hold them. */
    private static String shortened(String message) {
        return message == null || message.length() <= 300 ? message : message.substring(0, 300) + "…";
    }

    private static ImportRefusedException refused(String code, Object... arguments) {
        return new ImportRefusedException(Reason.of(code, arguments));
    }
}
