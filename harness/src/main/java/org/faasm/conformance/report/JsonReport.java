package org.faasm.conformance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.faasm.conformance.observe.HostCall;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.run.RunResult;
import org.faasm.conformance.spec.Bytes;
import org.faasm.conformance.verdict.Mismatch;
import org.faasm.conformance.verdict.Verdict;

/** Writes a run as {@code report.json}: run info, backends, load errors and every verdict with its observation. */
public final class JsonReport {
    public static final String FILE = "report.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    public static Path write(RunResult run, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE);
        JSON.writeValue(file.toFile(), toJson(run));
        return file;
    }

    static ObjectNode toJson(RunResult run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        ObjectNode info = root.putObject("run");
        info.put("harness", "faasm-conformance " + version());
        info.put("started", run.started().toString());
        info.put("finished", run.finished().toString());
        ArrayNode backends = root.putArray("backends");
        run.backends().forEach(b -> backends.addObject().put("name", b.name()).put("version", b.version())
                .put("available", b.available()).put("reason", b.reason()));
        ObjectNode counts = root.putObject("counts");
        run.counts().forEach((status, n) -> counts.put(status.name(), n));
        ArrayNode errors = root.putArray("loadErrors");
        run.loadErrors().forEach(e -> errors.addObject().put("file", e.file().toString()).put("line", e.line())
                .put("field", e.field()).put("message", e.message()));
        ArrayNode results = root.putArray("results");
        run.verdicts().forEach(v -> results.add(verdict(v)));
        return root;
    }

    private static ObjectNode verdict(Verdict verdict) {
        ObjectNode node = JSON.createObjectNode();
        node.put("spec", verdict.specId()).put("backend", verdict.backend()).put("status", verdict.status().name())
                .put("message", verdict.message()).put("durationMs", verdict.durationNanos() / 1e6);
        ArrayNode mismatches = node.putArray("mismatches");
        for (Mismatch m : verdict.mismatches()) {
            mismatches.addObject().put("field", m.field()).put("expected", m.expected()).put("actual", m.actual());
        }
        verdict.observation().ifPresent(o -> node.set("observation", observation(o)));
        return node;
    }

    static ObjectNode observation(Observation o) {
        ObjectNode node = JSON.createObjectNode();
        node.put("function", o.function()).put("funcPtr", o.funcPtr()).put("host", o.host())
                .put("outcome", o.outcome().name()).put("returnValue", o.returnValue()).put("error", o.error());
        node.set("input", bytes(o.input()));
        node.set("output", bytes(o.output()));
        node.set("stdout", bytes(o.stdout()));
        node.set("stderr", bytes(o.stderr()));
        ObjectNode state = node.putObject("stateAfter");
        o.stateAfter().forEach((key, value) -> state.set(key, bytes(value)));
        ArrayNode trace = node.putArray("trace");
        for (HostCall call : o.trace()) {
            ObjectNode entry = trace.addObject().put("call", call.name());
            call.arguments().forEach(entry.putArray("args")::add);
            entry.put("result", call.result());
        }
        ArrayNode chained = node.putArray("chained");
        o.chained().forEach(child -> chained.add(observation(child)));
        node.putObject("timings").put("instantiateMs", o.timings().instantiateNanos() / 1e6)
                .put("executeMs", o.timings().executeNanos() / 1e6);
        return node;
    }

    /** Bytes as text when printable (for people) and always as base64 (for tools). */
    private static ObjectNode bytes(byte[] value) {
        ObjectNode node = JSON.createObjectNode();
        if (Bytes.isPrintableText(value)) {
            node.put("text", new String(value, StandardCharsets.UTF_8));
        }
        node.put("base64", Base64.getEncoder().encodeToString(value));
        return node;
    }

    private static String version() {
        String version = JsonReport.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
