package org.faasm.conformance.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} parts of the suite ({@code --shard 2/3}), so a CI can spread it over machines.
 * A spec belongs to the shard its id's SHA-256 picks: the same on every machine and in every run, and
 * unmoved by specs added or removed elsewhere.
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(1, 1);
    private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n, not " + index + "/" + count);
        }
    }

    /** Reads {@code i/n}; anything else is an {@link IllegalArgumentException} saying the form. */
    public static Shard parse(String text) {
        Matcher matcher = FORM.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a shard is i/n, e.g. 1/2, not '" + text + "'");
        }
        return new Shard(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    public boolean holds(String specId) {
        if (count == 1) {
            return true;
        }
        byte[] digest = sha256(specId);
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        return Long.remainderUnsigned(value, count) == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
