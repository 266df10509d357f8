package org.faasm.conformance.cluster;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.faasm.conformance.spec.GuestPath;

/**
 * The cluster's shared files ({@code faasm://<path>}), as Faasm keeps them in its object store: put
 * through the upload server's {@code /file} endpoint, seeded into every message's file system, and
 * written back after each message, as Faasm uploads a shared file after every write and deletes it on
 * unlink (faasm:src/storage/FileDescriptor.cpp:515-519, 531-536; SharedFiles.cpp:52-68). Like Faasm's,
 * they are not scoped to a user and no flush removes them.
 */
final class SharedFiles {
    static final long MAX_BYTES = 64L << 20;

    private final Map<String, byte[]> files = new TreeMap<>();
    private long bytes;

    /** {@code PUT /file} with header FilePath: stores the file, or refuses one that would pass the bound. */
    synchronized void put(String path, byte[] contents) throws HttpError {
        byte[] old = files.get(path);
        long after = bytes - (old == null ? 0 : old.length) + contents.length;
        if (after > MAX_BYTES) {
            throw new HttpError(413, "shared files would pass " + MAX_BYTES + " bytes");
        }
        files.put(path, contents.clone());
        bytes = after;
    }

    synchronized Optional<byte[]> get(String path) {
        return Optional.ofNullable(files.get(path)).map(byte[]::clone);
    }

    /** Every shared file by guest path ({@code faasm://…}), to seed a message's file system. */
    synchronized Map<String, byte[]> seed() {
        Map<String, byte[]> seed = new TreeMap<>();
        files.forEach((path, contents) -> seed.put(GuestPath.SHARED_PREFIX + path, contents));
        return seed;
    }

    /** What a message left: its shared files replace those it was seeded with, and those it removed go. */
    synchronized void writeBack(Map<String, byte[]> seeded, Map<String, byte[]> after) {
        seeded.keySet().stream().filter(path -> !after.containsKey(path)).forEach(path -> {
            byte[] removed = files.remove(path.substring(GuestPath.SHARED_PREFIX.length()));
            bytes -= removed == null ? 0 : removed.length;
        });
        after.forEach((path, contents) -> {
            if (path.startsWith(GuestPath.SHARED_PREFIX) && contents.length + bytes <= MAX_BYTES) {
                byte[] old = files.put(path.substring(GuestPath.SHARED_PREFIX.length()), contents);
                bytes += contents.length - (old == null ? 0 : old.length);
            }
        });
    }
}
