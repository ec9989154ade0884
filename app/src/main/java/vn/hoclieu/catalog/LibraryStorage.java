package vn.hoclieu.catalog;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoclieu.account.AccountService;
import vn.hoclieu.account.Role;
import vn.hoclieu.account.Viewer;
import vn.hoclieu.catalog.internal.ReadTransactions;
import vn.hoclieu.catalog.internal.ResourceFileRepository;
import vn.hoclieu.library.LibraryPageExtras;
import vn.hoclieu.library.LibraryView;
import vn.hoclieu.storage.ByteSizes;

/**
 * A library's storage use and quota, on its page and in its JSON ({@code storage}), for its own
 * librarians and administrators only.
 */
@Component
class LibraryStorage implements LibraryPageExtras {

    /**
     * @param usedBytes bytes of the files its resources hold
     * @param quotaBytes its quota, or null for none
     */
    record Usage(long usedBytes, Long quotaBytes, String used, String quota) {
    }

    private final ResourceFileRepository files;
    private final TransactionTemplate readTx;
    private final AccountService accounts;

    LibraryStorage(ResourceFileRepository files, TransactionTemplate tx, AccountService accounts) {
        this.files = files;
        this.readTx = ReadTransactions.of(tx);
        this.accounts = accounts;
    }

    @Override
    public Map<String, Object> extras(LibraryView library) {
        Viewer viewer = accounts.currentViewer();
        boolean staff = viewer.has(Role.ADMIN)
                || (viewer.has(Role.LIBRARIAN) && library.hasId(viewer.libraryId()));
        if (!staff) {
            return Map.of();
        }
        long used = usedBytes(library);
        Long quota = library.quotaBytes();
        return Map.of("storage", new Usage(used, quota, ByteSizes.format(used), quota == null ? null : ByteSizes.format(quota)));
    }

    /** Bytes of the files a library's resources hold (what its quota counts). */
    private long usedBytes(LibraryView library) {
        return readTx.execute(s -> files.bytesOfLibrary(library.id()));
    }
}
