package org.faasm.conformance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.faasm.conformance.agreement.Agreement;
import org.faasm.conformance.agreement.CallDivergence;
import org.faasm.conformance.agreement.Comparison;
import org.faasm.conformance.coverage.Coverage;
import org.faasm.conformance.coverage.ImportCoverage;
import org.faasm.conformance.coverage.SpecImports;
import org.faasm.conformance.coverage.WasiCoverage;
import org.faasm.conformance.hostinterface.FaasmImport;
import org.faasm.conformance.observe.HostCall;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.run.RunResult;
import org.faasm.conformance.run.SpecOutcome;
import org.faasm.conformance.hostinterface.FaasmVm;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.verdict.ExpectedStatus;
import org.faasm.conformance.verdict.Mismatch;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;

/**
 * A run as {@code report.json} (format 1, schema {@value #SCHEMA}): run info, backends, files that did
 * not load, each spec with its agreement and imports, every verdict with its observation, and
 * host-interface coverage. The HTML page and the Markdown summary are rendered from this JSON. Each
 * value is stored once and bounded ({@link ReportBounds}).
 */
public final class JsonReport {
    public static final String FILE = "report.json";
    public static final String SCHEMA = "/schema/report-v1.schema.json";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    public static ObjectNode toJson(RunResult run, Coverage coverage, RunInfo info) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        root.putObject("run").put("harness", "faasm-conformance " + info.harnessVersion())
                .put("specRevision", info.specRevision())
                .put("started", run.started().toString()).put("finished", run.finished().toString())
                .put("java", System.getProperty("java.version"))
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        ArrayNode backends = root.putArray("backends");
        run.backends().forEach(b -> {
            ObjectNode node = backends.addObject().put("name", b.name()).put("version", b.version()).put("vm", b.vm().id()).put("expectations", b.expectations())
                    .put("available", b.available()).put("reason", b.reason())
                    .put("started", b.started().toString()).put("finished", b.finished().toString());
            names(node.putArray("implementedImports"), b.implementedImports());
            b.implementedWasiImports().stream().sorted().forEach(node.putArray("implementedWasiImports")::add);
        });
        root.set("counts", counts(run.verdicts().stream().map(Verdict::status).toList()));
        ObjectNode byBackend = root.putObject("countsByBackend");
        run.backends().forEach(b -> byBackend.set(b.name(),
                counts(run.verdicts().stream().filter(v -> v.backend().equals(b.name())).map(Verdict::status).toList())));
        ArrayNode errors = root.putArray("loadErrors");
        run.loadErrors().forEach(e -> errors.addObject().put("file", e.file().toString()).put("line", e.line())
                .put("field", e.field()).put("message", e.message()));
        ArrayNode specs = root.putArray("specs");
        ArrayNode results = root.putArray("results");
        Map<String, FaasmVm> vms = new HashMap<>();
        run.backends().forEach(b -> vms.put(b.name(), b.vm()));
        for (SpecOutcome outcome : run.outcomes()) {
            specs.add(spec(outcome, coverage.specs().get(outcome.spec().id())));
            outcome.verdicts().forEach(v -> results.add(verdict(outcome.spec(), v, vms.getOrDefault(v.backend(), FaasmVm.WAVM))));
        }
        root.set("coverage", coverage(coverage));
        return root;
    }

    static ObjectNode counts(Collection<Status> statuses) {
        Map<Status, Long> counts = new TreeMap<>();
        statuses.forEach(s -> counts.merge(s, 1L, Long::sum));
        ObjectNode node = JSON.createObjectNode();
        counts.forEach((status, n) -> node.put(status.name(), n));
        return node;
    }

    private static ObjectNode spec(SpecOutcome outcome, SpecImports imports) {
        Spec spec = outcome.spec();
        ObjectNode node = JSON.createObjectNode().put("id", spec.id()).put("summary", spec.summary())
                .put("function", spec.function()).put("source", spec.source().toString()).put("consensus", spec.consensus());
        spec.tags().forEach(node.putArray("tags")::add);
        node.set("agreement", agreement(outcome.agreement()));
        ObjectNode touched = node.putObject("imports");
        names(touched.putArray("declared"), imports.declared());
        names(touched.putArray("called"), imports.called());
        return node;
    }

    private static ObjectNode agreement(Agreement agreement) {
        ObjectNode node = JSON.createObjectNode().put("state", agreement.state().name());
        agreement.compared().forEach(node.putArray("compared")::add);
        ArrayNode groups = node.putArray("groups");
        agreement.groups().forEach(g -> g.forEach(groups.addArray()::add));
        ArrayNode pairs = node.putArray("pairs");
        for (Comparison pair : agreement.pairs()) {
            ObjectNode p = pairs.addObject().put("left", pair.left()).put("right", pair.right()).put("agree", pair.agree())
                    .put("summary", ReportBounds.text(pair.describe()));
            ArrayNode differences = p.putArray("differences");
            pair.differences().forEach(d -> differences.addObject().put("field", d.field())
                    .put("left", ReportBounds.text(d.left())).put("right", ReportBounds.text(d.right())));
            pair.firstDivergentCall().ifPresent(c -> p.set("firstDivergentCall", callDivergence(c)));
        }
        return node;
    }

    private static ObjectNode callDivergence(CallDivergence divergence) {
        ObjectNode node = JSON.createObjectNode().put("message", divergence.message())
                .put("leftIndex", divergence.leftIndex()).put("rightIndex", divergence.rightIndex());
        node.set("left", divergence.left().map(JsonReport::call).orElse(null));
        node.set("right", divergence.right().map(JsonReport::call).orElse(null));
        return node;
    }

    private static ObjectNode verdict(Spec spec, Verdict verdict, FaasmVm vm) {
        ObjectNode node = JSON.createObjectNode();
        node.put("spec", verdict.specId()).put("backend", verdict.backend()).put("status", verdict.status().name())
                .put("message", ReportBounds.text(verdict.message())).put("durationMs", verdict.durationNanos() / 1e6);
        verdict.expectation().ifPresent(e -> node.set("expectation", expectation(e)));
        ArrayNode mismatches = node.putArray("mismatches");
        for (Mismatch m : verdict.mismatches()) {
            mismatches.addObject().put("field", m.field()).put("expected", ReportBounds.text(m.expected()))
                    .put("actual", ReportBounds.text(m.actual()));
        }
        verdict.observation().ifPresent(o -> {
            ArrayNode fields = node.putArray("fields");
            FieldTable.of(spec.expectOn(vm), spec.diagnostics(), verdict, o).forEach(r -> fields.addObject().put("field", r.field())
                    .put("expected", ReportBounds.text(r.expected())).put("actual", ReportBounds.text(r.actual())).put("ok", r.ok()));
            node.set("observation", observation(o));
        });
        return node;
    }

    private static ObjectNode expectation(ExpectedStatus entry) {
        ObjectNode node = JSON.createObjectNode().put("spec", entry.pattern()).put("status", entry.status().name())
                .put("reason", entry.reason()).put("file", entry.file().toString()).put("line", entry.line());
        entry.link().ifPresent(link -> node.put("link", link));
        return node;
    }

    static ObjectNode observation(Observation o) {
        ObjectNode node = JSON.createObjectNode();
        node.put("function", o.function()).put("funcPtr", o.funcPtr()).put("host", o.host())
                .put("outcome", o.outcome().name()).put("returnValue", o.returnValue()).put("error", ReportBounds.text(o.error()));
        node.set("input", ReportBounds.bytes(o.input()));
        node.set("output", ReportBounds.bytes(o.output()));
        node.set("stdout", ReportBounds.bytes(o.stdout()));
        node.set("stderr", ReportBounds.bytes(o.stderr()));
        ArrayNode console = node.putArray("console");
        o.console().forEach(line -> console.add(ReportBounds.text(line)));
        ObjectNode state = node.putObject("stateAfter");
        o.stateAfter().forEach((key, value) -> state.set(key, ReportBounds.bytes(value)));
        ObjectNode files = node.putObject("filesAfter");
        o.filesAfter().forEach((path, value) -> files.set(path, ReportBounds.bytes(value)));
        ArrayNode trace = node.putArray("trace");
        o.trace().forEach(call -> trace.add(call(call)));
        ArrayNode chained = node.putArray("chained");
        o.chained().forEach(child -> chained.add(observation(child)));
        node.putObject("timings").put("instantiateMs", o.timings().instantiateNanos() / 1e6)
                .put("executeMs", o.timings().executeNanos() / 1e6);
        return node;
    }

    private static ObjectNode call(HostCall call) {
        ObjectNode entry = JSON.createObjectNode().put("call", call.name());
        ArrayNode args = entry.putArray("args");
        call.arguments().forEach(arg -> args.add(ReportBounds.text(arg)));
        entry.put("result", ReportBounds.text(call.result()));
        return entry;
    }

    private static ObjectNode coverage(Coverage coverage) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode imports = node.putArray("imports");
        for (ImportCoverage row : coverage.imports()) {
            ObjectNode entry = imports.addObject().put("name", row.hostImport().importName());
            row.implementedBy().forEach(entry.putArray("implementedBy")::add);
            entry.put("specsCalling", row.specsCalling()).put("specsImporting", row.specsImporting()).put("gap", row.gap());
        }
        ArrayNode gaps = node.putArray("gaps");
        coverage.gaps().forEach(g -> gaps.add(g.hostImport().importName()));
        ArrayNode wasi = node.putArray("wasi");
        for (WasiCoverage row : coverage.wasi()) {
            ObjectNode entry = wasi.addObject().put("name", row.name());
            row.implementedBy().forEach(entry.putArray("implementedBy")::add);
            entry.put("specsCalling", row.specsCalling());
        }
        return node;
    }

    private static void names(ArrayNode array, Collection<FaasmImport> imports) {
        imports.stream().sorted().map(FaasmImport::importName).forEach(array::add);
    }
}
