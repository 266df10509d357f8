package org.faasm.conformance.verdict;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.faasm.conformance.observe.HostCall;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.spec.Bytes;

/**
 * A verdict explained for a person: each mismatch, the observed bytes as text and as a hex dump, and
 * the host-call trace of every message in the call tree.
 */
public final class FailureReport {
    /** A long trace shows its first and last calls; report.json and the page hold them all. */
    private static final int TRACE_HEAD = 20;
    private static final int TRACE_TAIL = 5;
    /** A long printable value shows its first and last lines (each part at most a few hundred bytes), its size and digest. */
    private static final int TEXT_HEAD_LINES = 20;
    private static final int TEXT_TAIL_LINES = 5;
    private static final int TEXT_PART_BYTES = 512;
    private static final int HEX_BYTES = 64;

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
        List<HostCall> trace = message.trace();
        boolean cut = trace.size() > TRACE_HEAD + TRACE_TAIL;
        for (int i = 0; i < trace.size(); i++) {
            if (cut && i == TRACE_HEAD) {
                text.append(indent).append("  … ").append(trace.size() - TRACE_HEAD - TRACE_TAIL).append(" calls not shown\n");
                i = trace.size() - TRACE_TAIL;
            }
            text.append(indent).append("  ").append(trace.get(i)).append('\n');
        }
        for (Observation child : message.chained()) {
            appendTrace(text, child, indent + "  ");
        }
    }

    /**
     * The bytes as text when printable (a long value as its first and last lines), a hex dump of their
     * first {@value #HEX_BYTES}, and for a value shown in part its size and SHA-256.
     */
    static String dump(byte[] bytes) {
        if (bytes.length == 0) {
            return "  (empty)\n";
        }
        StringBuilder text = new StringBuilder();
        String excerpt = textExcerpt(bytes);
        if (excerpt != null) {
            text.append("  text: ").append(excerpt.replace("\n", "\n        ")).append('\n');
        }
        HexFormat hex = HexFormat.ofDelimiter(" ");
        int shown = Math.min(bytes.length, HEX_BYTES);
        for (int row = 0; row < shown; row += 16) {
            text.append(String.format("  %04x: %s%n", row, hex.formatHex(bytes, row, Math.min(row + 16, shown))));
        }
        if (shown < bytes.length) {
            text.append("  … ").append(bytes.length).append(" bytes in all, sha256 ").append(Bytes.sha256(bytes)).append('\n');
        }
        return text.toString();
    }

    /** The value as text, or its first and last lines with what lies between left out; null when not printable. */
    private static String textExcerpt(byte[] bytes) {
        byte[] head = Bytes.head(bytes, TEXT_PART_BYTES);
        byte[] tail = Bytes.tail(bytes, TEXT_PART_BYTES);
        if (!Bytes.isPrintableText(head) || !Bytes.isPrintableText(tail)) {
            return null;
        }
        String whole = bytes.length <= 2 * TEXT_PART_BYTES ? new String(bytes, StandardCharsets.UTF_8) : null;
        if (whole != null && whole.lines().count() <= TEXT_HEAD_LINES + TEXT_TAIL_LINES) {
            return whole.stripTrailing();
        }
        List<String> first = new String(head, StandardCharsets.UTF_8).lines().limit(TEXT_HEAD_LINES).toList();
        List<String> last = new String(tail, StandardCharsets.UTF_8).lines().toList();
        last = last.subList(Math.max(1, last.size() - TEXT_TAIL_LINES), last.size()); // the first may be cut mid-line
        return String.join("\n", first) + "\n…\n" + String.join("\n", last);
    }
}
