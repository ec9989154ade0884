package vn.hoclieu.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.CatalogException;
import vn.hoclieu.catalog.CatalogReads;
import vn.hoclieu.collection.CollectionService;
import vn.hoclieu.collection.CollectionView;
import vn.hoclieu.exchange.internal.PackageWriter;
import vn.hoclieu.library.LibraryException;
import vn.hoclieu.library.LibraryService;
import vn.hoclieu.library.LibraryView;

/**
 * Exports a collection or a library as an exchange package. Who may: a collection, whoever may see it
 * (and they get only the items they may see); a whole library, its librarians and administrators. Either
 * way only published material is written, each resource read through the catalogue's visibility rule for
 * the person asking.
 */
@Service
public class ExchangeExports {

    private final CollectionService collections;
    private final CatalogReads catalog;
    private final LibraryService libraries;
    private final ExchangeProperties properties;
    private final PackageWriter writer;

    ExchangeExports(CollectionService collections, CatalogReads catalog, LibraryService libraries,
                    ExchangeProperties properties, PackageWriter writer) {
        this.collections = collections;
        this.catalog = catalog;
        this.libraries = libraries;
        this.properties = properties;
        this.writer = writer;
    }

    /** @throws CatalogException 404 when there is no such collection or the viewer may not see it */
    public ExportPlan collection(long id, Viewer viewer) {
        CollectionView c = collections.find(id, viewer).orElseThrow(() -> new CatalogException(HttpStatus.NOT_FOUND,
                "problem.collection.notFound", String.valueOf(id)));
        Optional<LibraryView> owner = CollectionView.Owner.LIBRARY.equals(c.owner().kind())
                ? libraries.byCode(c.owner().id()) : libraries.byId(viewer.libraryId());
        List<Long> items = c.items().stream().map(CollectionView.Item::resourceId).toList();
        return new ExportPlan(source(owner.orElse(null)),
                new ExchangeManifest.Scope(ExchangeManifest.Scope.COLLECTION, String.valueOf(id), c.title()), items,
                viewer);
    }

    /**
     * @throws LibraryException 404 for an unknown code
     * @throws CatalogException 401 for a visitor who is not signed in, 403 for anyone but the library's
     *         librarians and administrators
     */
    public ExportPlan library(String code, Viewer viewer) {
        LibraryView library = libraries.byCode(code).orElseThrow(() -> LibraryService.notFound(code));
        if (!mayExport(library, viewer)) {
            throw new CatalogException(viewer.signedIn() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED,
                    "problem.exchange.libraryForbidden", library.name());
        }
        return new ExportPlan(source(library),
                new ExchangeManifest.Scope(ExchangeManifest.Scope.LIBRARY, library.code(), library.name()),
                catalog.publishedIdsOf(library.id()), viewer);
    }

    /** Whether the viewer may export the whole library: its librarians and administrators. */
    public static boolean mayExport(LibraryView library, Viewer viewer) {
        return viewer.has(Role.ADMIN) || (viewer.has(Role.LIBRARIAN) && library.hasId(viewer.libraryId()));
    }

    /** Writes the package to {@code out} (left open), streaming every file from the blob store. */
    public ExportSummary write(ExportPlan plan, OutputStream out, ExportProgress progress) throws IOException {
        return writer.write(plan, out, progress);
    }

    private ExchangeManifest.Source source(LibraryView library) {
        return new ExchangeManifest.Source(properties.instanceName(), library == null ? null : library.code(),
                library == null ? null : library.name());
    }
}
