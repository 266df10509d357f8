package org.faasm.conformance.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.FilterOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.faasm.conformance.support.AtomicFiles;
import org.faasm.conformance.support.BoundedJsonMapper;

/**
 * The recordings of one column, a file per spec ({@code <folder>/<spec id>.json}, e.g.
 * {@code specs/recorded/faasm-wamr/io/echo_text.json}, or {@code .json.gz} for a large one). Only regular files inside the folder are read, each
 * at most {@link #MAX_RECORDING_BYTES}; a file is written beside its place and moved there ({@link AtomicFiles}), so a run cut short
 * never leaves half a recording.
 */
public final class RecordingStore {
    /** A recording holds an observation whole, output and state included: 64 MiB of bytes in base64, and room around it. */
    public static final long MAX_RECORDING_BYTES = 96L << 20;
    /** A recording's JSON larger than this is kept gzipped ({@code <spec id>.json.gz}). */
    static final int PACK_ABOVE_BYTES = 1 << 20;
    private static final String PLAIN = ".json";
    private static final String PACKED = ".json.gz";
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
        Path plain = fileOf(specId, PLAIN);
        Path packed = fileOf(specId, PACKED);
        Path file = Files.exists(plain, LinkOption.NOFOLLOW_LINKS) ? plain : packed;
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file");
        }
        try {
            JsonNode node = JSON.readTree(new String(read(file), StandardCharsets.UTF_8));
            Recording recording = Recording.fromJson(node);
            if (!recording.spec().equals(specId)) {
                throw new IllegalArgumentException("it records spec '" + recording.spec() + "'");
            }
            return Optional.of(recording);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + " is not a recording of " + specId + ": " + e.getMessage(), e);
        }
    }

    /** The file's JSON, unpacked if packed; past {@link #MAX_RECORDING_BYTES} either way it is refused unread. */
    private static byte[] read(Path file) throws IOException {
        if (Files.size(file) > MAX_RECORDING_BYTES) {
            throw new IOException("it is " + Files.size(file) + " bytes; a recording may hold at most " + (MAX_RECORDING_BYTES >> 20) + " MiB");
        }
        if (!file.getFileName().toString().endsWith(PACKED)) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            byte[] json = in.readNBytes((int) MAX_RECORDING_BYTES + 1);
            if (json.length > MAX_RECORDING_BYTES) {
                throw new IOException("it unpacks to more than " + (MAX_RECORDING_BYTES >> 20) + " MiB");
            }
            return json;
        }
    }

    /** A recording's JSON as text, or gzipped past {@link #PACK_ABOVE_BYTES} (a large output is mostly repetition). */
    public void write(Recording recording) throws IOException {
        byte[] json = (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(recording.toJson()) + "\n").getBytes(StandardCharsets.UTF_8);
        boolean pack = json.length > PACK_ABOVE_BYTES;
        Path file = fileOf(recording.spec(), pack ? PACKED : PLAIN);
        AtomicFiles.write(file, out -> {
            if (pack) {
                try (GZIPOutputStream zip = new GZIPOutputStream(new NonClosing(out))) {
                    zip.write(json);
                }
            } else {
                out.write(json);
            }
        });
        Files.deleteIfExists(fileOf(recording.spec(), pack ? PLAIN : PACKED));
    }

    /** Lets a GZIPOutputStream finish its stream without closing the file under it, which its writer closes. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private Path fileOf(String specId, String suffix) {
        Path file = folder.resolve(specId + suffix).normalize();
        if (!file.startsWith(folder)) {
            throw new IllegalArgumentException("spec id '" + specId + "' leaves " + folder);
        }
        return file;
    }
}
