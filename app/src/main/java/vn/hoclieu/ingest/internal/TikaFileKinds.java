package vn.hoclieu.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.hpsf.ClassID;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;
import vn.hoclieu.catalog.FileKind;
import vn.hoclieu.catalog.FileKinds;

/**
 * Judges an upload by its bytes with Tika's detectors — the magic numbers of executables, the entries that
 * make a ZIP a JAR, an APK, an Office file or an EPUB, the streams that make an OLE2 file an MSI — so that
 * neither a benign name nor the type a client declares can pass a program. The name is only Tika's hint where
 * the bytes say nothing more specific: a batch file is plain text to any detector. A ZIP archive is also
 * refused for a program among its entries (by their names: nothing is unpacked here), and taken as a SCORM
 * lesson when it holds a manifest; an OLE2 file is a Windows Installer package when its root says so.
 *
 * <p>It runs in the application, not in an extractor process: detection reads a file's first bytes and,
 * for a ZIP, its central directory — only after {@link ZipStructure} has checked that directory, so an
 * archive built to hurt readers is judged by its magic alone (and then read by nothing but the bomb check).
 */
@Component
class TikaFileKinds implements FileKinds {

    /**
     * Extensions Windows runs, or hands to an interpreter, when the file is opened, though their bytes may be
     * plain text that no detector can tell from a note: refused by their name, whatever the bytes.
     */
    private static final Set<String> RUN_BY_WINDOWS = Set.of("exe", "com", "scr", "pif", "cpl", "msi", "msp", "msc",
            "bat", "cmd", "ps1", "psm1", "vbs", "vbe", "jse", "wsf", "wsh", "hta", "lnk", "reg", "jar", "apk", "appx",
            "msix", "dll");

    /** The root class ids of Windows Installer packages, patches and transforms. */
    private static final Set<String> INSTALLER_CLASSES = Set.of("{000C1084-0000-0000-C000-000000000046}",
            "{000C1086-0000-0000-C000-000000000046}", "{000C1082-0000-0000-C000-000000000046}");
    private static final MediaType OLE2 = MediaType.application("x-tika-msoffice");

    private final Detector detector;
    private final MimeTypes magic;
    private final MediaTypeRegistry registry;

    TikaFileKinds() {
        TikaConfig tika = TikaConfig.getDefaultConfig();
        this.detector = tika.getDetector();
        this.magic = tika.getMimeRepository();
        this.registry = tika.getMediaTypeRegistry();
    }

    @Override
    public Judged judge(Path file, String name) throws IOException {
        List<ZipStructure.Entry> entries = null;
        boolean hostile = false;
        try {
            entries = ZipStructure.read(file, ZipBombs.MAX_ENTRIES);
        } catch (ZipStructure.Hostile e) {
            hostile = true;
        } catch (IOException | RuntimeException notAZip) {
            entries = null;
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        MediaType type;
        // a ZIP whose directory cannot be trusted or followed is judged by its magic only, never opened here
        boolean zipMagic = startsWithZipMagic(file);
        try (TikaInputStream in = TikaInputStream.get(file)) {
            type = hostile || (zipMagic && entries == null) ? magic.detect(in, metadata) : detector.detect(in, metadata);
        }
        String mediaType = type.toString();
        if (RUN_BY_WINDOWS.contains(extension(name))) {
            return new Judged(FileKind.PROGRAM, mediaType, null);
        }
        if (registry.isInstanceOf(type, OLE2) && windowsInstaller(file)) {
            return new Judged(FileKind.PROGRAM, "application/x-ms-installer", null);
        }
        FileKind kind = FileKindTable.kindOf(type, registry);
        if (kind == FileKind.ARCHIVE && entries != null) {
            return inside(entries, mediaType);
        }
        return new Judged(kind, mediaType, null);
    }

    /** A plain ZIP: a program among its entries makes it one; a SCORM manifest makes it a lesson. */
    private Judged inside(List<ZipStructure.Entry> entries, String mediaType) {
        boolean manifest = false;
        for (ZipStructure.Entry entry : entries) {
            String entryName = entry.name();
            if (entryName.endsWith("/")) {
                continue;
            }
            String leaf = entryName.substring(entryName.lastIndexOf('/') + 1);
            MediaType byName = magic.getMimeType(leaf).getType();
            if (RUN_BY_WINDOWS.contains(extension(leaf))
                    || (!byName.equals(MediaType.OCTET_STREAM) && FileKindTable.kindOf(byName, registry) == FileKind.PROGRAM)) {
                return new Judged(FileKind.PROGRAM, mediaType, entryName);
            }
            manifest |= leaf.equalsIgnoreCase("imsmanifest.xml");
        }
        return new Judged(manifest ? FileKind.LESSON : FileKind.ARCHIVE, mediaType, null);
    }

    /**
     * A Windows Installer database (MSI, MSP, MST) is an OLE2 file like a Word 97 document, and Tika tells
     * it only by its name: its root storage's class id says what it is whatever it is called.
     */
    private static boolean windowsInstaller(Path file) {
        try (POIFSFileSystem ole = new POIFSFileSystem(file.toFile(), true)) {
            ClassID id = ole.getRoot().getStorageClsid();
            return id != null && INSTALLER_CLASSES.contains(id.toString().toUpperCase(Locale.ROOT));
        } catch (IOException | RuntimeException notOle2) {
            return false;
        }
    }

    private static boolean startsWithZipMagic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == 'P' && head[1] == 'K';
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
    }
}
