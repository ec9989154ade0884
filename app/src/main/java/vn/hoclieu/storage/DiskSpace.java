package vn.hoclieu.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The free-space rule of the storage volume ({@code hoclieu.storage.min-free-space}): anything that
 * writes uploaded bytes under the data folder asks it first and copies through it, so that an
 * upload never leaves the volume with less than the minimum.
 */
public interface DiskSpace {

    /**
     * @param expectedBytes the size about to be written, or -1 when unknown
     * @throws InsufficientStorageException if writing it would leave less than the minimum free
     */
    void requireRoom(long expectedBytes);

    /**
     * Copies {@code in} to {@code out}, checking the free space as it goes; the caller deletes what
     * it wrote when this throws.
     *
     * @return the bytes copied
     * @throws InsufficientStorageException when the volume reaches the minimum mid-copy
     */
    long copy(InputStream in, OutputStream out) throws IOException;
}
