package vn.hoclieu.catalog;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Tells what a stored file is from its bytes, before the catalogue takes it. Implemented by the ingest
 * module, which holds Apache Tika; the catalogue decides with it whether the kind is one it takes
 * ({@link UploadKinds}).
 */
public interface FileKinds {

    /**
     * What the bytes of {@code file} are. Its name is only a hint where the bytes say nothing more (a
     * batch file is plain text to any detector), so a benign name never hides a program, and a name that
     * Windows would run makes a program of any bytes.
     *
     * @param name the name the uploader gave the file
     */
    Judged judge(Path file, String name) throws IOException;

    /**
     * @param kind      the kind the detected type belongs to
     * @param mediaType the type detected from the bytes (for the uploader and the logs)
     * @param inside    for an archive refused for a program inside it, that entry's name; else null
     */
    record Judged(FileKind kind, String mediaType, String inside) {
    }
}
