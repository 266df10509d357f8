package org.faasm.conformance.spec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** Helpers for showing byte strings to people: as text when they are printable UTF-8, else as hex. */
public final class Bytes {
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

    /** A short, unambiguous rendering: a quoted string for printable text, hex otherwise. */
    public static String describe(byte[] bytes) {
        if (bytes.length == 0) {
            return "(empty)";
        }
        if (isPrintableText(bytes)) {
            return '"' + escape(new String(bytes, StandardCharsets.UTF_8)) + '"';
        }
        int shown = Math.min(bytes.length, 64);
        String head = HEX.formatHex(bytes, 0, shown);
        return "hex:" + head + (shown < bytes.length ? "… (" + bytes.length + " bytes)" : "");
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t").replace("\"", "\\\"");
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
