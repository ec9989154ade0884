package vn.hoclieu.catalog;

import org.springframework.http.HttpStatus;

/** The uploaded bytes are already in the catalogue; nothing new was stored. */
public class DuplicateResourceException extends CatalogException {

    private final long existingResourceId;

    public DuplicateResourceException(String fileName, long existingResourceId, String existingTitle) {
        super(HttpStatus.CONFLICT, "problem.duplicate", fileName, existingTitle, String.valueOf(existingResourceId));
        this.existingResourceId = existingResourceId;
        getBody().setProperty("existingResourceId", existingResourceId);
        getBody().setProperty("existingResource", "/api/v1/resources/" + existingResourceId);
    }

    public long existingResourceId() {
        return existingResourceId;
    }
}
