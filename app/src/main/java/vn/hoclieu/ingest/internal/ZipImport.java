package vn.hoclieu.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.ingest.ImportDefaults;
import vn.hoclieu.ingest.ImportProgress;
import vn.hoclieu.ingest.ImportRefusedException;
import vn.hoclieu.ingest.ImportReport;

/**
 * Imports a ZIP: checked for the shapes of a ZIP bomb, unpacked without trusting its names or sizes
 * ({@link SafeZip}), then imported as the folder it unpacks to ({@link FolderImporter}, which also
 * recognises exchange packages). The ZIPs sent to the server and the shell's {@code import FILE.zip}
 * take this one path.
 */
@Component
public class ZipImport {

    private static final Logger log = LoggerFactory.getLogger(ZipImport.class);

    private final FolderImporter folders;
    private final long maxUnpackedBytes;

    ZipImport(FolderImporter folders,
              @Value("${hoclieu.ingest.max-unpacked-bytes:21474836480}") long maxUnpackedBytes) {
        this.folders = folders;
        this.maxUnpackedBytes = maxUnpackedBytes;
    }

    /**
     * @param unpacked the folder to unpack into (emptied first, deleted at the end)
     * @throws ImportRefusedException a ZIP bomb, a ZIP too large, or a package refused as a whole
     */
    public ImportReport run(Path zip, Path unpacked, String libraryCode, ImportDefaults defaults, Viewer importer,
                            ImportProgress progress) throws IOException {
        deleteTree(unpacked);
        try {
            Optional<String> bomb = ZipBombs.check(zip, ZipBombs.Use.IMPORT);
            if (bomb.isPresent()) {
                throw new ImportRefusedException(bomb.get());
            }
            SafeZip.unpack(zip, unpacked, maxUnpackedBytes);
            return folders.importFolder(unpacked, libraryCode, defaults, importer, progress);
        } finally {
            deleteTree(unpacked);
        }
    }

    /** Whether the bytes start as a ZIP does ({@code PK} and a local header or an empty archive's end record). */
    public static boolean startsLikeZip(InputStream in) throws IOException {
        byte[] magic = in.readNBytes(4);
        return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 || magic[2] == 5);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete {}", root);
        }
    }
}
