package org.faasm.conformance.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.faasm.conformance.verdict.Status;

/** {@code summary.md}: a run in a few lines for a pull-request comment, rendered from its report JSON. */
public final class MarkdownSummary {
    public static final String FILE = "summary.md";
    private static final int LISTED = 15;

    private MarkdownSummary() {}

    public static String render(JsonNode report) {
        StringBuilder md = new StringBuilder();
        List<JsonNode> results = list(report.path("results"));
        List<JsonNode> failing = results.stream().filter(r -> ResultStatus.of(r).isFailure()).toList();
        int loadErrors = report.path("loadErrors").size();
        boolean red = !failing.isEmpty() || loadErrors > 0;
        md.append("### Faasm conformance: ").append(red ? "❌ failing" : "✅ passing").append("\n\n");
        md.append(report.path("specs").size()).append(" specs on ").append(report.path("backends").size())
                .append(" backend(s) · revision `").append(shortRevision(report.path("run").path("specRevision").asText()))
                .append("` · ").append(report.path("run").path("harness").asText()).append("\n\n");
        backendTable(md, report);
        if (loadErrors > 0) {
            md.append("\n**Files that did not load** (").append(loadErrors).append("):\n");
            report.path("loadErrors").forEach(e -> md.append("- `").append(MarkdownText.withoutMachinePaths(e.path("file").asText()))
                    .append(':').append(e.path("line").asInt()).append("` ").append(MarkdownText.inline(e.path("field").asText()))
                    .append(": ").append(MarkdownText.inline(e.path("message").asText())).append('\n'));
        }
        if (!failing.isEmpty()) {
            md.append("\n**Failing** (").append(failing.size()).append("):\n");
            failing.stream().limit(LISTED).forEach(r -> md.append("- `").append(r.path("spec").asText()).append("` [")
                    .append(r.path("backend").asText()).append("] ").append(r.path("status").asText()).append(": ")
                    .append(MarkdownText.inline(r.path("message").asText())).append('\n'));
            more(md, failing.size());
        }
        agreement(md, report);
        baseline(md, report.path("baseline"));
        coverage(md, report);
        mutation(md, report.path("mutation"));
        pit(md, report.path("pit"));
        md.append("\n_Not a ranking: backends differ in what they set out to support; a cell is a fact to look into, not a score._\n");
        return md.toString();
    }

    private static void backendTable(StringBuilder md, JsonNode report) {
        md.append("| backend | version |");
        for (Status status : Status.values()) {
            md.append(' ').append(status).append(" |");
        }
        md.append("\n|---|---|").append("---:|".repeat(Status.values().length)).append('\n');
        for (JsonNode backend : report.path("backends")) {
            String name = backend.path("name").asText();
            JsonNode counts = report.path("countsByBackend").path(name);
            md.append("| ").append(name).append(" | ").append(backend.path("version").asText()).append(" |");
            for (Status status : Status.values()) {
                md.append(' ').append(counts.path(status.name()).asInt(0)).append(" |");
            }
            md.append('\n');
        }
    }

    private static void agreement(StringBuilder md, JsonNode report) {
        List<JsonNode> compared = list(report.path("specs")).stream()
                .filter(s -> !s.path("agreement").path("state").asText().equals("NOT_COMPARED")).toList();
        if (compared.isEmpty()) {
            md.append("\n**Agreement:** not compared (fewer than two backends observed any spec).\n");
            return;
        }
        List<JsonNode> diverging = compared.stream().filter(s -> s.path("agreement").path("state").asText().equals("DIVERGE")).toList();
        md.append("\n**Agreement:** ").append(compared.size() - diverging.size()).append(" of ").append(compared.size())
                .append(" compared specs agree across backends").append(diverging.isEmpty() ? ".\n" : "; diverging:\n");
        diverging.stream().limit(LISTED).forEach(s -> md.append("- `").append(s.path("id").asText()).append("`: ")
                .append(MarkdownText.inline(firstDivergence(s.path("agreement")))).append('\n'));
        more(md, diverging.size());
    }

    private static String firstDivergence(JsonNode agreement) {
        return list(agreement.path("pairs")).stream().filter(p -> !p.path("agree").asBoolean())
                .map(p -> p.path("summary").asText()).findFirst().orElse("");
    }

    private static void baseline(StringBuilder md, JsonNode baseline) {
        if (baseline.isMissingNode()) {
            return;
        }
        md.append("\n**Against baseline** `").append(MarkdownText.withoutMachinePaths(baseline.path("file").asText())).append("`: ")
                .append(baseline.path("regressions").size()).append(" regression(s), ")
                .append(baseline.path("fixes").size()).append(" fix(es), ")
                .append(baseline.path("changes").size()).append(" other change(s)")
                .append(onlyIn(baseline)).append('\n');
        for (String kind : List.of("regressions", "fixes")) {
            baseline.path(kind).forEach(c -> md.append("- ").append(kind.equals("fixes") ? "fixed" : "regressed").append(" `")
                    .append(c.path("spec").asText()).append("` [").append(c.path("backend").asText()).append("] ")
                    .append(c.path("before").asText()).append(" → ").append(c.path("after").asText()).append('\n'));
        }
    }

    private static String onlyIn(JsonNode baseline) {
        int before = baseline.path("onlyInBaseline").asInt();
        int after = baseline.path("onlyInRun").asInt();
        return before + after == 0 ? "" : " (not compared: " + before + " only in the baseline, " + after + " only in this run)";
    }

    private static void coverage(StringBuilder md, JsonNode report) {
        JsonNode imports = report.path("coverage").path("imports");
        md.append("\n**Host interface:** ");
        List<String> parts = new ArrayList<>();
        for (JsonNode backend : report.path("backends")) {
            String name = backend.path("name").asText();
            parts.add(name + " implements " + backend.path("implementedImports").size() + "/" + imports.size());
        }
        long exercised = list(imports).stream().filter(i -> !i.path("gap").asBoolean()).count();
        parts.add(exercised + "/" + imports.size() + " exercised by specs");
        md.append(String.join(" · ", parts)).append(".\n");
        JsonNode wasi = report.path("coverage").path("wasi");
        List<String> wasiParts = new ArrayList<>();
        for (JsonNode backend : report.path("backends")) {
            wasiParts.add(backend.path("name").asText() + " implements " + backend.path("implementedWasiImports").size());
        }
        wasiParts.add(list(wasi).stream().filter(w -> w.path("specsCalling").asInt() > 0).count() + " called by specs");
        md.append("**WASI:** ").append(String.join(" · ", wasiParts)).append(" (of ").append(wasi.size()).append(" calls).\n");
        List<String> gaps = list(report.path("coverage").path("gaps")).stream().map(JsonNode::asText).toList();
        if (!gaps.isEmpty()) {
            md.append("Gaps (no spec calls them): ").append(String.join(", ", gaps.stream().map(g -> "`" + g + "`").toList())).append('\n');
        }
    }

    /** Each host's mutation score, with every survivor named and its reason (or that it has none). */
    private static void mutation(StringBuilder md, JsonNode mutation) {
        for (JsonNode backend : mutation.path("backends")) {
            md.append("\n**Mutation score** on ").append(backend.path("backend").asText()).append(": ")
                    .append(backend.path("score").asText()).append("% (").append(backend.path("killed").asInt()).append(" of ")
                    .append(backend.path("total").asInt()).append(" mutants killed, ").append(backend.path("equivalent").asInt())
                    .append(" equivalent)\n");
            list(backend.path("results")).stream().filter(r -> !r.path("outcome").asText().startsWith("KILLED"))
                    .forEach(r -> md.append("- survivor `").append(r.path("id").asText()).append("`: ")
                            .append(MarkdownText.inline(r.path("reason").asText().isEmpty() ? "no reason given: a gap in the suite"
                                    : r.path("reason").asText())).append('\n'));
        }
    }

    /** The PIT report beside this one (profile -Pmutation), with its score over the mutations the tests reach. */
    private static void pit(StringBuilder md, JsonNode pit) {
        if (!pit.isMissingNode()) {
            md.append("\n**PIT** (host classes mutated): ").append(pit.path("score").asText()).append("% of the ")
                    .append(pit.path("reached").asInt()).append(" mutations the tests reach killed (")
                    .append(pit.path("mutations").asInt()).append(" in all): [PIT report](").append(pit.path("report").asText())
                    .append(")\n");
            JsonNode survivors = pit.path("survivors");
            for (int i = 0; i < Math.min(LISTED, survivors.size()); i++) {
                JsonNode s = survivors.get(i);
                md.append("- survivor `").append(s.path("class").asText().replaceAll(".*\\.", "")).append('.').append(s.path("method").asText())
                        .append(':').append(s.path("line").asInt()).append("` (").append(MarkdownText.inline(s.path("description").asText()))
                        .append("): ").append(MarkdownText.inline(s.path("reason").asText("no reason given: a gap in the tests"))).append('\n');
            }
            more(md, pit.path("statuses").path("SURVIVED").asInt());
        }
    }

    private static void more(StringBuilder md, int total) {
        if (total > LISTED) {
            md.append("- … and ").append(total - LISTED).append(" more (see index.html)\n");
        }
    }

    private static String shortRevision(String revision) {
        return revision.length() > 12 ? revision.substring(0, 12) : revision;
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
