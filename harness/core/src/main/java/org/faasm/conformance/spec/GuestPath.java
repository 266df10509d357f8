package org.faasm.conformance.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * A file as a guest names it, in a spec's {@code given.files} and {@code expect.files}: {@code /a/b} under
 * Faasm's runtime root, which both preopens reach (faasm:src/storage/FileSystem.cpp:25-26, 87-96), or
 * {@code faasm://a/b}, a shared file (faasm:include/storage/FileLoader.h:14,
 * faasm:src/storage/SharedFiles.cpp:26-50). Written in one way only, so two spellings never name one file.
 */
public record GuestPath(boolean shared, List<String> names) {
    public static final String SHARED_PREFIX = "faasm://";
    /** Where a shared file sits in a sandbox: Chicory and the browser resolve {@code faasm://a} to {@code faasm:/a}. */
    private static final String SHARED_DIRECTORY = "faasm:";

    public GuestPath {
        names = List.copyOf(names);
    }

    /** The path a spec writes; a one-line reason when it is not one. */
    public static GuestPath parse(String text) {
        boolean shared = text.startsWith(SHARED_PREFIX);
        String rest = shared ? text.substring(SHARED_PREFIX.length()) : text;
        if (!shared && !rest.startsWith("/")) {
            throw new IllegalArgumentException("file path '" + text + "' is neither absolute (/…) nor shared (" + SHARED_PREFIX + "…)");
        }
        List<String> names = new ArrayList<>();
        String[] parts = (shared ? rest : rest.substring(1)).split("/", -1);
        for (String name : parts) {
            if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                throw new IllegalArgumentException("file path '" + text + "' has an empty, '.' or '..' part; write it plainly");
            }
            names.add(name);
        }
        if (!shared && names.get(0).equals(SHARED_DIRECTORY)) {
            throw new IllegalArgumentException("file path '" + text + "' is where shared files live; write it " + SHARED_PREFIX + "…");
        }
        return new GuestPath(shared, names);
    }

    /** A path relative to a sandbox's root, as {@link #relative()} gives it. */
    public static GuestPath fromRelative(String relative) {
        List<String> names = List.of(relative.split("/"));
        return names.get(0).equals(SHARED_DIRECTORY) && names.size() > 1
                ? new GuestPath(true, names.subList(1, names.size()))
                : new GuestPath(false, names);
    }

    /** Where the file sits under a sandbox's root. */
    public String relative() {
        return (shared ? SHARED_DIRECTORY + "/" : "") + String.join("/", names);
    }

    /** A shared file's path as Faasm's file endpoint names it (header FilePath): without {@code faasm://}. */
    public String sharedPath() {
        if (!shared) {
            throw new IllegalStateException(text() + " is not a shared file");
        }
        return String.join("/", names);
    }

    /** As a spec writes it. */
    public String text() {
        return (shared ? SHARED_PREFIX : "/") + String.join("/", names);
    }
}
