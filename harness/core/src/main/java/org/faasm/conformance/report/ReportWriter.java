package org.faasm.conformance.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.faasm.conformance.coverage.Coverage;
import org.faasm.conformance.run.RunResult;
import org.faasm.conformance.support.AtomicFiles;

/** Writes a run's three files into a folder: {@code report.json}, {@code index.html} and {@code summary.md}. */
public final class ReportWriter {
    private ReportWriter() {}

    /** What was written, and the comparison with the baseline when one was given. */
    public record Written(Path json, Path html, Path markdown, Optional<BaselineDiff> baseline) {}

    public static Written write(RunResult run, Coverage coverage, RunInfo info, Optional<Path> baseline, Path folder) throws IOException {
        return write(run, coverage, info, baseline, folder, report -> { });
    }

    /** As above, with sections another command adds to the report (the mutants command's {@code mutation}). */
    public static Written write(RunResult run, Coverage coverage, RunInfo info, Optional<Path> baseline, Path folder,
            Consumer<ObjectNode> sections) throws IOException {
        ObjectNode report = JsonReport.toJson(run, coverage, info);
        sections.accept(report);
        PitSummary.beside(folder).ifPresent(pit -> report.set("pit", pit));
        Optional<BaselineDiff> diff = Optional.empty();
        if (baseline.isPresent()) {
            diff = Optional.of(BaselineDiff.compare(baseline.get().toString(), readReport(baseline.get()), report));
            report.set("baseline", diff.get().toJson());
        }
        Written written = write(report, folder);
        return new Written(written.json(), written.html(), written.markdown(), diff);
    }

    /**
     * Writes a report made already (e.g. merged from shards) with its page and summary, as one set
     * ({@link AtomicFiles#writeSet}): a run cut short or a full disk leaves the previous three whole.
     */
    public static Written write(JsonNode report, Path folder) throws IOException {
        Path json = folder.resolve(JsonReport.FILE);
        Path html = folder.resolve(HtmlReport.FILE);
        Path markdown = folder.resolve(MarkdownSummary.FILE);
        byte[] written = JsonReport.JSON.writeValueAsBytes(report);
        String page = HtmlReport.render(report);
        String summary = MarkdownSummary.render(report);
        Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
        files.put(json, out -> out.write(written));
        files.put(html, out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
        files.put(markdown, out -> out.write(summary.getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.writeSet(files);
        return new Written(json, html, markdown, Optional.empty());
    }

    public static JsonNode read(Path reportJson) throws IOException {
        return JsonReport.JSON.readTree(reportJson.toFile());
    }

    /** Reads a file given as an earlier run's report.json, refusing one that is not (with a message naming it). */
    public static JsonNode readReport(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no report at " + file);
        }
        JsonNode report;
        try {
            report = read(file);
        } catch (IOException e) {
            throw new IOException(file + " is not a report.json: not JSON", e);
        }
        if (report == null || report.path("format").asInt() != 1 || !report.path("results").isArray()) {
            throw new IOException(file + " is not a report.json: no \"format\": 1 and \"results\"");
        }
        return report;
    }
}
