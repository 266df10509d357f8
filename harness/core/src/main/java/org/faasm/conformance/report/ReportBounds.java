package org.faasm.conformance.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.faasm.conformance.spec.Bytes;

/**
 * How much of one value {@code report.json} holds, and so {@code index.html}, which embeds it: the
 * report's size grows with the number of values, never with their length.
 */
final class ReportBounds {
    /**
     * A byte string up to this size is stored whole, once: as text when printable, else as base64. A
     * larger one keeps its first and last half of this, with its size and SHA-256.
     */
    static final int EMBEDDED_BYTES = 16 << 10;
    /** A free text (a verdict's message, an engine's error, a console line, a host-call argument) is cut after this. */
    static final int EMBEDDED_CHARS = 16 << 10;

    private ReportBounds() {}

    static ObjectNode bytes(byte[] value) {
        ObjectNode node = JsonReport.JSON.createObjectNode().put("size", value.length);
        if (value.length <= EMBEDDED_BYTES) {
            return encoded(node, value, Bytes.isPrintableText(value));
        }
        byte[] head = Bytes.head(value, EMBEDDED_BYTES / 2);
        byte[] tail = Bytes.tail(value, EMBEDDED_BYTES / 2);
        boolean text = Bytes.isPrintableText(head) && Bytes.isPrintableText(tail);
        encoded(node, head, text).put("tail", encode(tail, text))
                .put("omitted", value.length - head.length - tail.length).put("sha256", Bytes.sha256(value));
        return node;
    }

    static String text(String value) {
        if (value == null || value.length() <= EMBEDDED_CHARS) {
            return value;
        }
        return value.substring(0, EMBEDDED_CHARS) + "… (" + (value.length() - EMBEDDED_CHARS) + " more characters)";
    }

    private static ObjectNode encoded(ObjectNode node, byte[] value, boolean text) {
        return node.put(text ? "text" : "base64", encode(value, text));
    }

    private static String encode(byte[] value, boolean text) {
        return text ? new String(value, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(value);
    }
}
