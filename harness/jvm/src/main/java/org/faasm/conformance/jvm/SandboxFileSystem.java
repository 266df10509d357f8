package org.faasm.conformance.jvm;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.faasm.conformance.spec.GuestPath;

/**
 * One message's files, in memory (Jimfs), never on the machine's disk: what Faasm's runtime root is to a
 * Faaslet. Both preopens reach it, as in Faasm, where "/" and "." each resolve under the runtime root
 * (faasm:src/storage/FileSystem.cpp:25-26, 87-96; FileDescriptor.cpp:26-32, 154-165). Shared files
 * ({@code faasm://a}) live in it under {@code faasm:/a}, where Chicory's path resolution puts them.
 */
final class SandboxFileSystem implements AutoCloseable {
    /** Bounds what a guest can store, as the memory cap bounds its memory. */
    static final long MAX_BYTES = 64L << 20;

    private final FileSystem fs;
    private final Path root;

    private SandboxFileSystem(FileSystem fs) {
        this.fs = fs;
        this.root = fs.getPath("/");
    }

    /** A fresh file system holding the given files (by guest path), with their parent directories. */
    static SandboxFileSystem seeded(Map<String, byte[]> files) {
        SandboxFileSystem sandbox = new SandboxFileSystem(Jimfs.newFileSystem(Configuration.unix().toBuilder()
                // Chicory's filestat reads the unix view
                .setAttributeViews("unix")
                .setMaxSize(MAX_BYTES)
                .build()));
        files.forEach((guestPath, bytes) -> {
            Path path = sandbox.root.resolve(GuestPath.parse(guestPath).relative());
            try {
                Files.createDirectories(path.getParent());
                Files.write(path, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot seed " + guestPath + " in the sandbox", e);
            }
        });
        return sandbox;
    }

    /** The directory both preopens (fd 3 "/" and fd 4 ".") open. */
    Path root() {
        return root;
    }

    /**
     * The file at a path as Faasm's host reads it, under the runtime root whatever the path says
     * (faasm:src/storage/FileDescriptor.cpp:26-32); empty when there is no such regular file.
     */
    Optional<byte[]> read(String rawPath) {
        // as Chicory resolves a guest's paths (and the browser's sandbox too): no ".." out of the root
        Path relative = fs.getPath(rawPath.replaceFirst("^/+", "")).normalize();
        Path path = root.resolve(relative);
        if (relative.startsWith("..") || !Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Every regular file by guest path, after the run. */
    Map<String, byte[]> files() {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(GuestPath.fromRelative(root.relativize(path).toString()).text(), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox's files back", e);
        }
        return files;
    }

    @Override
    public void close() {
        try {
            fs.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
