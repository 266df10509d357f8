package org.faasm.conformance.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.faasm.conformance.support.AtomicFiles;
import org.faasm.conformance.support.BoundedJsonMapper;

/**
 * The recordings of one column, a file per spec ({@code <folder>/<spec id>.json}, e.g.
 * {@code specs/recorded/faasm-wamr/io/echo_text.json}). Only regular files inside the folder are read, each
 * at most {@link #MAX_RECORDING_BYTES}; a file is written beside its place and moved there ({@link AtomicFiles}), so a run cut short
 * never leaves half a recording.
 */
public final class RecordingStore {
    /** A recording holds an observation whole, output and state included: 64 MiB of bytes in base64, and room around it. */
    public static final long MAX_RECORDING_BYTES = 96L << 20;
    private static final BoundedJsonMapper JSON = new BoundedJsonMapper();

    private final Path folder;

    public RecordingStore(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    public Path folder() {
        return folder;
    }

    public boolean exists() {
        return Files.isDirectory(folder);
    }

    /** The spec's recording; empty when there is none. A file that is not one is an {@link IOException} naming it and why. */
    public Optional<Recording> find(String specId) throws IOException {
        Path file = fileOf(specId);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file");
        }
        long size = Files.size(file);
        if (size > MAX_RECORDING_BYTES) {
            throw new IOException(file + " is " + size + " bytes; a recording may hold at most " + (MAX_RECORDING_BYTES >> 20) + " MiB");
        }
        try {
            JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            Recording recording = Recording.fromJson(node);
            if (!recording.spec().equals(specId)) {
                throw new IllegalArgumentException("it records spec '" + recording.spec() + "'");
            }
            return Optional.of(recording);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + " is not a recording of " + specId + ": " + e.getMessage(), e);
        }
    }

    public void write(Recording recording) throws IOException {
        Path file = fileOf(recording.spec());
        AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(recording.toJson()) + "\n");
    }

    private Path fileOf(String specId) {
        Path file = folder.resolve(specId + ".json").normalize();
        if (!file.startsWith(folder)) {
            throw new IllegalArgumentException("spec id '" + specId + "' leaves " + folder);
        }
        return file;
    }
}
