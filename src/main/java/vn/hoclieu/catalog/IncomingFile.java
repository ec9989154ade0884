package vn.hoclieu.catalog;

import org.springframework.core.io.InputStreamSource;

/** An uploaded file before it is stored: its name as the uploader gave it, declared type and bytes. */
public record IncomingFile(String name, String declaredType, InputStreamSource content) {
}
