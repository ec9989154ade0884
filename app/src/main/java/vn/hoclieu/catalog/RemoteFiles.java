package vn.hoclieu.catalog;

import java.io.IOException;
import java.io.InputStream;

/**
 * Fetches a harvested file's bytes from its partner, on the first request for them. Implemented by
 * the harvest module (which knows partners and their limits), so that the catalogue does no HTTP
 * of its own; without an implementation a harvested file cannot be fetched.
 */
public interface RemoteFiles {

    /**
     * The bytes at {@code url}; the stream ends with an {@link IOException} when it passes the size
     * or time limit, so that nothing partial is ever stored.
     */
    Fetched fetch(String url) throws IOException;

    /**
     * @param fileName  the name the partner gave (Content-Disposition), or null
     * @param mediaType the type the partner declared, or null
     */
    record Fetched(InputStream body, String fileName, String mediaType) {
    }
}
