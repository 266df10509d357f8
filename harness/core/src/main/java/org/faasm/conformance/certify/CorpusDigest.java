package org.faasm.conformance.certify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.faasm.conformance.run.ProjectLayout;

/**
 * What a certificate was earned against: the SHA-256 of every file of the spec corpus ({@code specs/}
 * but its known-failure files, and {@code wasm/}), by path, and one digest of them all. Expectations
 * are left out: they say what a column is known to fail, and a certificate counts only passes.
 */
public record CorpusDigest(String digest, Map<String, String> files) {

    public static CorpusDigest of(ProjectLayout layout) {
        Map<String, String> files = new TreeMap<>();
        hash(layout.root(), layout.specs(), files);
        hash(layout.root(), layout.wasm(), files);
        StringBuilder all = new StringBuilder();
        files.forEach((path, sha) -> all.append(path).append(' ').append(sha).append('\n'));
        return new CorpusDigest(sha256(all.toString().getBytes(StandardCharsets.UTF_8)), files);
    }

    /** The paths that differ from {@code other}: changed, added or removed, each said which. */
    public List<String> differences(CorpusDigest other) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(files.keySet());
        paths.addAll(other.files.keySet());
        for (String path : paths) {
            String mine = files.get(path);
            String theirs = other.files.get(path);
            if (mine == null) {
                differences.add(path + " was added");
            } else if (theirs == null) {
                differences.add(path + " was removed");
            } else if (!Objects.equals(mine, theirs)) {
                differences.add(path + " changed");
            }
        }
        return differences;
    }

    private static void hash(Path root, Path folder, Map<String, String> files) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Path expectations = folder.resolve("expectations");
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.startsWith(expectations)).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), sha256(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus under " + folder, e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
