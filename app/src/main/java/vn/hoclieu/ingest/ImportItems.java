package vn.hoclieu.ingest;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoclieu.catalog.CatalogException;
import vn.hoclieu.catalog.DuplicateResourceException;
import vn.hoclieu.catalog.Reason;
import vn.hoclieu.catalog.ResourceView;

/**
 * One rule for what became of an item of a bulk import, whichever kind of import it belongs to (a folder,
 * a ZIP with its metadata.csv, an exchange package): stored, already in the catalogue (the existing
 * resource is named, nothing is stored twice), or refused with the reason its reader can act on.
 */
public final class ImportItems {

    private static final Logger log = LoggerFactory.getLogger(ImportItems.class);

    private ImportItems() {
    }

    /** @param upload stores the item ({@code Uploads.submit}) and returns the new resource */
    public static ImportReport.Entry store(String item, Supplier<ResourceView> upload) {
        try {
            return new ImportReport.Entry(item, ImportReport.Outcome.IMPORTED, upload.get().id(), null);
        } catch (DuplicateResourceException e) {
            return new ImportReport.Entry(item, ImportReport.Outcome.DUPLICATE, e.existingResourceId(),
                    Reason.of("reason.import.duplicate"));
        } catch (CatalogException e) {
            return failed(item, Reason.of(e.messageCode(), e.arguments()));
        } catch (RuntimeException e) {
            log.warn("could not import {}", item, e);
            return failed(item, Reason.of("reason.damaged", String.valueOf(e.getMessage())));
        }
    }

    /** @param reason a stored {@link Reason} */
    public static ImportReport.Entry failed(String item, String reason) {
        return new ImportReport.Entry(item, ImportReport.Outcome.FAILED, null, reason);
    }
}
