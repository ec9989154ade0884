package vn.hoclieu.ingest;

import java.io.IOException;
import java.nio.file.Path;
import vn.hoclieu.account.Viewer;

/**
 * A kind of package that a bulk import recognises by what it holds and imports its own way, in place
 * of the plain folder import (files plus an optional {@code metadata.csv}). Every path of a bulk import
 * — a ZIP sent to {@code POST /api/v1/imports} or the import page, a folder in the server's inbox, the
 * shell's {@code import} — asks each of these first, so that a module offering a package format (the
 * exchange packages of the {@code exchange} module) needs no path of its own and ingest need not know it.
 */
public interface PackageImport {

    /** @param folder the unpacked ZIP, or the folder to import */
    boolean recognises(Path folder);

    /**
     * Imports the package, one item at a time, each reported to {@code progress} as it ends.
     *
     * @param libraryCode the library chosen for the import, or null
     * @throws ImportRefusedException when the package as a whole cannot be imported (nothing was)
     */
    ImportReport importPackage(Path folder, String libraryCode, Viewer importer, ImportProgress progress)
            throws IOException;
}
