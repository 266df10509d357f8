package org.faasm.conformance.verdict;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.faasm.conformance.observe.HostCall;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.spec.Bytes;

/**
 * A verdict explained for a person: each mismatch, the observed bytes as text and as a hex dump, and
 * the host-call trace of every message in the call tree.
 */
public final class FailureReport {
    private static final int TRACE_LINES = 200;

    private FailureReport() {}

    public static String render(Verdict verdict) {
        StringBuilder text = new StringBuilder();
        text.append(verdict.specId()).append(" [").append(verdict.backend()).append("]: ")
                .append(verdict.status()).append(" — ").append(verdict.message()).append('\n');
        for (Mismatch mismatch : verdict.mismatches()) {
            text.append("  ✗ ").append(mismatch.field()).append('\n')
                    .append("      expected: ").append(mismatch.expected()).append('\n')
                    .append("      actual:   ").append(mismatch.actual()).append('\n');
        }
        verdict.observation().ifPresent(observation -> {
            text.append("observed output:\n").append(dump(observation.output()));
            if (observation.stdout().length > 0) {
                text.append("observed stdout:\n").append(dump(observation.stdout()));
            }
            if (observation.stderr().length > 0) {
                text.append("observed stderr:\n").append(dump(observation.stderr()));
            }
            text.append("host calls:\n");
            appendTrace(text, observation, "  ");
        });
        return text.toString();
    }

    private static void appendTrace(StringBuilder text, Observation message, String indent) {
        text.append(indent).append("# ").append(message.function())
                .append(message.funcPtr() == 0 ? "" : " ptr " + message.funcPtr())
                .append(" on host ").append(message.host()).append(": ").append(message.outcome())
                .append(" returnValue=").append(message.returnValue())
                .append(message.error().isEmpty() ? "" : " error=" + message.error()).append('\n');
        int shown = 0;
        for (HostCall call : message.trace()) {
            if (shown++ == TRACE_LINES) {
                text.append(indent).append("  … ").append(message.trace().size() - TRACE_LINES).append(" more\n");
                break;
            }
            text.append(indent).append("  ").append(call).append('\n');
        }
        for (Observation child : message.chained()) {
            appendTrace(text, child, indent + "  ");
        }
    }

    /** The bytes as text (their first {@value Bytes#DESCRIBED_TEXT_BYTES}, when printable) and as a hex dump of up to 256 bytes. */
    static String dump(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        byte[] head = Bytes.head(bytes, Bytes.DESCRIBED_TEXT_BYTES);
        if (Bytes.isPrintableText(head)) {
            text.append("  text: ").append(new String(head, StandardCharsets.UTF_8).replace("\n", "\n        "))
                    .append(head.length < bytes.length ? "…" : "").append('\n');
        }
        HexFormat hex = HexFormat.ofDelimiter(" ");
        int shown = Math.min(bytes.length, 256);
        for (int row = 0; row < shown; row += 16) {
            text.append(String.format("  %04x: %s%n", row, hex.formatHex(bytes, row, Math.min(row + 16, shown))));
        }
        if (shown < bytes.length) {
            text.append("  … ").append(bytes.length - shown).append(" more bytes\n");
        }
        if (bytes.length == 0) {
            text.append("  (empty)\n");
        }
        return text.toString();
    }
}
