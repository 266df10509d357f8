package org.faasm.conformance.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** Helpers for showing byte strings to people: as text when they are printable UTF-8, else as hex. */
public final class Bytes {
    /** How much of a printable value {@link #describe} shows. */
    public static final int DESCRIBED_TEXT_BYTES = 1024;
    /** How much of any other value {@link #describe} shows. */
    public static final int DESCRIBED_HEX_BYTES = 64;
    private static final HexFormat HEX = HexFormat.of();

    private Bytes() {}

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static byte[] fromHex(String hex) {
        return HEX.parseHex(hex);
    }

    /** True when the bytes are valid UTF-8 without control characters other than tab and newlines. */
    public static boolean isPrintableText(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
            return false;
        }
        return text.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\r' || c == '\t');
    }

    /**
     * A short, unambiguous rendering: a quoted string for printable text (its first
     * {@value #DESCRIBED_TEXT_BYTES} bytes), hex otherwise (its first {@value #DESCRIBED_HEX_BYTES}); a
     * longer value ends with its size, so a mismatch on a huge output stays a line, not megabytes.
     */
    public static String describe(byte[] bytes) {
        if (bytes.length == 0) {
            return "(empty)";
        }
        String more = "… (" + bytes.length + " bytes)";
        byte[] text = head(bytes, DESCRIBED_TEXT_BYTES);
        if (isPrintableText(text)) {
            return '"' + escape(new String(text, StandardCharsets.UTF_8)) + '"' + (text.length < bytes.length ? more : "");
        }
        int shown = Math.min(bytes.length, DESCRIBED_HEX_BYTES);
        return "hex:" + HEX.formatHex(bytes, 0, shown) + (shown < bytes.length ? more : "");
    }

    /** At most the first {@code max} bytes, ending where a UTF-8 character ends when the bytes are UTF-8. */
    public static byte[] head(byte[] bytes, int max) {
        if (bytes.length <= max) {
            return bytes;
        }
        return Arrays.copyOf(bytes, characterStart(bytes, max));
    }

    /** At most the last {@code max} bytes, starting where a UTF-8 character starts when the bytes are UTF-8. */
    public static byte[] tail(byte[] bytes, int max) {
        if (bytes.length <= max) {
            return bytes;
        }
        return Arrays.copyOfRange(bytes, characterStart(bytes, bytes.length - max + 3), bytes.length);
    }

    /** {@code index}, moved back over at most three UTF-8 continuation bytes (a character is at most four). */
    private static int characterStart(byte[] bytes, int index) {
        int start = index;
        while (start > index - 3 && start > 0 && (bytes[start] & 0xc0) == 0x80) {
            start--;
        }
        return start;
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t").replace("\"", "\\\"");
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The SHA-256 of the bytes in hex: names a value shown only in part. */
    public static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
