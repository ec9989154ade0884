package vn.hoclieu.storage;

import java.io.IOException;

/** The bytes given or read back do not have the SHA-256 they were expected to have; nothing was stored. */
public class BlobMismatchException extends IOException {

    private final String expected;
    private final String actual;

    public BlobMismatchException(String expected, String actual) {
        super("expected SHA-256 " + expected + " but the bytes have " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
