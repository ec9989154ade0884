package vn.hoclieu.storage;

/**
 * A blob in the store.
 *
 * @param sha256 lower-case hex SHA-256 of the bytes, which is also the blob's address
 * @param alreadyPresent true if identical bytes were stored before (nothing new was written)
 */
public record StoredBlob(String sha256, long size, boolean alreadyPresent) {
}
