package org.faasm.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two shards of a run, merged, are the whole run: every spec once, and the report a full run writes but for its times. */
class ShardMergeTest {
    /** What differs between two runs of the same specs: when things happened and how long they took. */
    private static final Set<String> TIMES = Set.of("started", "finished", "durationMs", "timings");
    private static final String[] SELECTION = {"--backend", "jvm-wavm", "--backend", "jvm-wamr", "--spec", "io/*", "--spec", "exit/*",
        "--spec", "chaining/by_name", "--spec", "chaining/fanout"};

    @Test
    void mergedShardsAreTheWholeRun(@TempDir Path dir) throws Exception {
        run(dir.resolve("full"), null);
        run(dir.resolve("one"), "1/2");
        run(dir.resolve("two"), "2/2");
        Cli.Result merge = Cli.run("report", "merge", dir.resolve("one/report.json").toString(), dir.resolve("two/report.json").toString(),
                "--out", dir.resolve("merged").toString());
        assertThat(merge.exit()).as(merge.toString()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode one = json.readTree(dir.resolve("one/report.json").toFile());
        JsonNode two = json.readTree(dir.resolve("two/report.json").toFile());
        Set<String> ids = new HashSet<>();
        one.path("specs").forEach(s -> assertThat(ids.add(s.path("id").asText())).isTrue());
        two.path("specs").forEach(s -> assertThat(ids.add(s.path("id").asText())).as("in both shards: " + s.path("id")).isTrue());
        assertThat(one.path("specs").size()).isPositive();
        assertThat(two.path("specs").size()).isPositive();
        JsonNode full = withoutTimes(json.readTree(dir.resolve("full/report.json").toFile()));
        JsonNode merged = withoutTimes(json.readTree(dir.resolve("merged/report.json").toFile()));
        assertThat(merged).isEqualTo(full);
        assertThat(dir.resolve("merged/index.html")).exists();
        assertThat(dir.resolve("merged/summary.md")).exists();
    }

    @Test
    void reportsOfDifferentRunsAreRefused(@TempDir Path dir) throws Exception {
        run(dir.resolve("a"), "1/2");
        Cli.Result twice = Cli.run("report", "merge", dir.resolve("a/report.json").toString(), dir.resolve("a/report.json").toString(),
                "--out", dir.resolve("m").toString());
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains("is in two of the reports");
    }

    private static void run(Path out, String shard) {
        String[] args = shard == null ? concat("run", "--out", out.toString()) : concat("run", "--shard", shard, "--out", out.toString());
        Cli.Result result = Cli.run(args);
        assertThat(result.exit()).as(result.toString()).isZero();
    }

    private static String[] concat(String... head) {
        String[] all = new String[head.length + SELECTION.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(SELECTION, 0, all, head.length, SELECTION.length);
        return all;
    }

    private static JsonNode withoutTimes(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(TIMES);
            object.properties().forEach(field -> withoutTimes(field.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(ShardMergeTest::withoutTimes);
        }
        return node;
    }
}
