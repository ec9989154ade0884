package vn.hoclieu.ingest;

import java.io.IOException;
import vn.hoclieu.catalog.Reason;

/**
 * A bulk import refused as a whole before any of its items was stored — a ZIP too large, a package
 * whose manifest cannot be read — with the reason the person who sent it reads.
 */
public class ImportRefusedException extends IOException {

    /** @param reason a stored {@link Reason} */
    public ImportRefusedException(String reason) {
        super(reason);
    }

    /** Why, as a stored {@link Reason}. */
    public String reason() {
        return getMessage();
    }
}
