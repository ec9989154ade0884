package vn.hoclieu.catalog;

import org.springframework.core.io.InputStreamSource;

/**
 * An uploaded file before it is stored: its name as the uploader gave it, declared type and bytes.
 *
 * @param size the number of bytes when known before reading them (a multipart part, a file), else -1:
 *        lets the free-space and quota checks refuse an upload before anything is written
 */
public record IncomingFile(String name, String declaredType, InputStreamSource content, long size) {

    public IncomingFile(String name, String declaredType, InputStreamSource content) {
        this(name, declaredType, content, -1);
    }
}
