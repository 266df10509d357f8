package org.faasm.conformance.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files that a reader sees whole or not at all: each is written beside its place ({@code .<name>.partial}), forced
 * to disk and moved into place, which replaces a symbolic link there instead of writing through it. A set is moved
 * only once every file of it is written, so a failure (a full disk, a kill) leaves the previous set as it was, and
 * writers of a set in one folder take turns ({@value #LOCK}). A failure is an {@link IOException} of one line naming
 * the file.
 */
public final class AtomicFiles {
    /** The lock file writers of a folder take turns on. */
    public static final String LOCK = ".write.lock";
    private static final Map<Path, Object> IN_THIS_JVM = new java.util.concurrent.ConcurrentHashMap<>();

    private AtomicFiles() {}

    /** What to write into one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path file, Content content) throws IOException {
        Map<Path, Content> one = new LinkedHashMap<>();
        one.put(file, content);
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        writeAndMove(folder, one);
    }

    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Writes a set of files, all in one folder (a report's three), then moves them all into place; on a failure none
     * is moved. Writers of one folder take turns, so two runs sharing it each leave a whole set.
     */
    public static void writeSet(Map<Path, Content> files) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        Path folder = files.keySet().iterator().next().toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // A file lock keeps other processes out; threads of this one, which the file lock cannot tell apart, wait here.
        synchronized (IN_THIS_JVM.computeIfAbsent(folder, f -> new Object())) {
            try (FileChannel lockFile = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock turn = lockFile.lock()) {
                writeAndMove(folder, files);
            }
        }
    }

    private static void writeAndMove(Path folder, Map<Path, Content> files) throws IOException {
        List<Path[]> moves = new ArrayList<>();
        try {
            for (Map.Entry<Path, Content> entry : files.entrySet()) {
                Path target = entry.getKey().toAbsolutePath();
                if (!target.getParent().equals(folder)) {
                    throw new IllegalArgumentException(target + " is not in " + folder);
                }
                Path partial = folder.resolve("." + target.getFileName() + ".partial");
                moves.add(new Path[] {partial, target});
                try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                        OutputStream out = Channels.newOutputStream(channel)) {
                    entry.getValue().writeTo(out);
                    out.flush();
                    channel.force(true);
                }
            }
        } catch (IOException e) {
            for (Path[] move : moves) {
                Files.deleteIfExists(move[0]);
            }
            throw new IOException("cannot write " + moves.get(moves.size() - 1)[1] + ": " + oneLine(e), e);
        }
        for (Path[] move : moves) {
            try {
                Files.move(move[0], move[1], StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(move[0], move[1], StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String oneLine(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
