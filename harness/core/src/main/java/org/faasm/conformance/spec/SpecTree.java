package org.faasm.conformance.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.faasm.conformance.support.BoundedJsonMapper;

/**
 * The specs folder: the only place spec and expectations files, and the files a spec names, are read
 * from. A path that is absolute, that leaves the folder (by {@code ..} or through a symbolic link), or
 * that is not a regular file is refused before anything is opened, so a device cannot exhaust memory
 * and a FIFO cannot hang the loader; a file's size is checked before it is read.
 */
public final class SpecTree {
    /** The largest file a spec may name (an input or an expected value): the largest value the harness carries. */
    public static final int MAX_DATA_FILE_BYTES = BoundedJsonMapper.MAX_VALUE_BYTES;
    /** The largest spec or expectations file: YAML is parsed whole, and large values belong in a data file. */
    public static final int MAX_YAML_FILE_BYTES = 1 << 20;

    private final Path root;
    private final Path realRoot;

    public SpecTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("no specs folder at " + this.root, e);
        }
    }

    /** A spec or expectations file. */
    public byte[] readYaml(Path file) throws RefusedFile {
        return read(file, MAX_YAML_FILE_BYTES, "spec and expectations files");
    }

    /** The file {@code name} that {@code specFile} refers to, relative to the spec's folder. */
    public byte[] readNamed(Path specFile, String name) throws RefusedFile {
        Path given;
        try {
            given = Path.of(name);
        } catch (InvalidPathException e) {
            throw new RefusedFile("\"" + name + "\" is not a file name: " + e.getReason());
        }
        if (given.isAbsolute()) {
            throw new RefusedFile(name + " is an absolute path; name a file relative to the spec, inside " + root);
        }
        return read(specFile.resolveSibling(given), MAX_DATA_FILE_BYTES, "files a spec names");
    }

    private byte[] read(Path file, int limit, String what) throws RefusedFile {
        Path path = file.toAbsolutePath().normalize();
        if (!path.startsWith(root)) {
            throw new RefusedFile(path + " is outside the specs folder " + root);
        }
        Path real = realPath(path);
        if (!real.startsWith(realRoot)) {
            throw new RefusedFile(path + " leads outside the specs folder, to " + real + " (through a symbolic link)");
        }
        BasicFileAttributes attributes = attributes(real);
        if (attributes.isDirectory()) {
            throw new RefusedFile(path + " is a directory");
        }
        if (!attributes.isRegularFile()) {
            throw new RefusedFile(path + " is not a regular file (a device, FIFO or socket); it was not opened");
        }
        if (attributes.size() > limit) {
            throw new RefusedFile(tooLarge(path, attributes.size(), limit, what));
        }
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            // At most one byte past the limit: a file that grew since its size was read is still caught.
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new RefusedFile(tooLarge(path, bytes.length, limit, what));
            }
            return bytes;
        } catch (IOException e) {
            throw new RefusedFile("cannot read " + path + ": " + e.getMessage());
        }
    }

    private static Path realPath(Path path) throws RefusedFile {
        try {
            return path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new RefusedFile("no such file: " + path);
        } catch (IOException e) {
            throw new RefusedFile("cannot resolve " + path + ": " + e.getMessage());
        }
    }

    private static BasicFileAttributes attributes(Path real) throws RefusedFile {
        try {
            return Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new RefusedFile("cannot read " + real + ": " + e.getMessage());
        }
    }

    private static String tooLarge(Path path, long size, int limit, String what) {
        return path + " is " + size + " bytes; " + what + " may hold at most " + (limit >> 20) + " MiB (see harness/docs/limits.md)";
    }

    /** A file the tree will not read, and why. */
    public static final class RefusedFile extends Exception {
        RefusedFile(String message) {
            super(message);
        }
    }
}
