package org.faasm.conformance.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.faasm.conformance.faasm.FaasmApiBackend;
import org.faasm.conformance.jvm.RunLimits;
import org.faasm.conformance.run.ProjectLayout;
import org.faasm.conformance.run.SpecRunner;
import org.faasm.conformance.spec.Bytes;
import org.faasm.conformance.spec.Expectation;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.testing.GuestThreads;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;
import org.junit.jupiter.api.Test;

/** The embedded cluster's bounds on guests: chained calls, message slots, forgotten apps, and no guest outliving its spec. */
class EmbeddedClusterLimitsTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path WASM = ProjectLayout.locate().wasm();
    /** Far beyond how long any of these apps takes, even on a loaded machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aChainThatNeverEndsIsRefusedAtTheDepthLimit() throws Exception {
        try (EmbeddedCluster cluster = started("chain_forever")) {
            assertThat(executeBatch(cluster, 7100, 7101, "chain_forever", 1).statusCode()).isEqualTo(200);
            JsonNode results = awaitFinished(cluster, 7100).get("messageResults");
            assertThat(results).hasSize(RunLimits.DEFAULT.chainDepth() + 1);
            List<JsonNode> failed = IntStream.range(0, results.size()).mapToObj(results::get)
                    .filter(r -> r.path("returnValue").asInt() != 0).toList();
            assertThat(failed).singleElement().satisfies(r -> assertThat(r.get("output_data").asText())
                    .matches("Task [0-9]+ threw exception\\. What: .*").contains("RunLimits.chainDepth"));
        }
    }

    @Test
    void aBatchBeyondTheFreeSlotsIsRefusedAsFaasmDoesAndThePlannerKeepsAnswering() throws Exception {
        int slots = RunLimits.DEFAULT.concurrentMessages();
        try (EmbeddedCluster cluster = started("loop_forever", "echo");
                GuestThreads threads = GuestThreads.sample(Planner.THREAD_PREFIX)) {
            HttpResponse<String> bomb = executeBatch(cluster, 7200, 720_000, "loop_forever", 300);
            assertThat(bomb.statusCode()).isEqualTo(500);
            assertThat(bomb.body()).isEqualTo("No available hosts");

            assertThat(executeBatch(cluster, 7300, 730_000, "loop_forever", slots).statusCode()).isEqualTo(200);
            assertThat(executeBatch(cluster, 7400, 740_000, "echo", 1).body()).isEqualTo("No available hosts");
            HttpResponse<String> status = planner(cluster, 11, "{\"appId\":7300}");
            assertThat(status.body()).as("the planner answers while every slot loops").isEqualTo("App not registered in results");
            assertThat(threads.peak()).isLessThanOrEqualTo(slots);

            cluster.endSpec();
            assertThat(GuestThreads.runningGuests(Planner.THREAD_PREFIX)).isZero();
            assertThat(awaitFinished(cluster, 7300).get("messageResults")).hasSize(slots)
                    .allSatisfy(r -> assertThat(r.get("output_data").asText()).endsWith("stopped: the spec that ran it ended"));
            assertThat(executeBatch(cluster, 7500, 750_000, "echo", 1).statusCode()).as("the slots are free again").isEqualTo(200);
            assertThat(awaitFinished(cluster, 7500).get("messageResults").get(0).get("output_data").asText()).isEqualTo("x");
        }
    }

    @Test
    void aLoopingGuestOnFaasmApiIsStoppedRightAfterItsTimeout() throws Exception {
        Duration specTimeout = Duration.ofMillis(500);
        try (FaasmApiBackend backend = new FaasmApiBackend(WASM); SpecRunner runner = new SpecRunner(specTimeout)) {
            Verdict verdict = runner.run(spec("loop_forever"), backend);
            assertThat(verdict.status()).isEqualTo(Status.TIMEOUT);
            // The message's own deadline is 60 s: a guest still running well before it was not stopped by its spec.
            assertThat(GuestThreads.awaitNoGuest(Planner.THREAD_PREFIX, Duration.ofSeconds(10)))
                    .as("no guest thread runs 10 s after the spec's TIMEOUT").isTrue();
        }
    }

    @Test
    void finishedAppsAreForgottenOnResetAndOnceReadAndPushedOutByNewerOnes() throws Exception {
        try (EmbeddedCluster cluster = started("echo")) {
            executeBatch(cluster, 7600, 760_000, "echo", 1);
            awaitFinished(cluster, 7600);
            assertThat(planner(cluster, 1, "").statusCode()).isEqualTo(200);
            assertThat(planner(cluster, 11, "{\"appId\":7600}").body()).as("forgotten on RESET").isEqualTo("App not registered in results");

            for (int app = 7700; app <= 7700 + Planner.RETAINED_READ_APPS; app++) {
                executeBatch(cluster, app, app * 100, "echo", 1);
                awaitFinished(cluster, app);
            }
            assertThat(planner(cluster, 11, "{\"appId\":7700}").body()).as("the oldest read app is forgotten")
                    .isEqualTo("App not registered in results");
            assertThat(awaitFinished(cluster, 7701).get("messageResults")).as("newer ones are kept for another read").hasSize(1);
        }
    }

    private static EmbeddedCluster started(String... functions) throws Exception {
        EmbeddedCluster cluster = EmbeddedCluster.start(1, Duration.ofSeconds(60));
        for (String function : functions) {
            HttpResponse<String> upload = send(HttpRequest.newBuilder(cluster.uploadUri().resolve("/f/demo/" + function))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(WASM.resolve(function + ".wasm")))).build());
            assertThat(upload.statusCode()).isEqualTo(200);
        }
        return cluster;
    }

    /** A batch of {@code count} messages of one function, ids from {@code firstId}, each with input "x" (or the width 1 for chain_forever). */
    private static HttpResponse<String> executeBatch(EmbeddedCluster cluster, int appId, int firstId, String function, int count) throws Exception {
        String input = java.util.Base64.getEncoder().encodeToString((function.equals("chain_forever") ? "1" : "x").getBytes(StandardCharsets.UTF_8));
        String messages = IntStream.range(0, count).mapToObj(i -> "{\"id\":" + (firstId + i) + ",\"appId\":" + appId
                + ",\"user\":\"demo\",\"function\":\"" + function + "\",\"input_data\":\"" + input + "\"}").collect(Collectors.joining(","));
        return planner(cluster, 10, "{\"appId\":" + appId + ",\"user\":\"demo\",\"function\":\"" + function + "\",\"messages\":[" + messages + "]}");
    }

    private static JsonNode awaitFinished(EmbeddedCluster cluster, int appId) throws Exception {
        return PlannerRequests.awaitFinished(cluster.plannerUri(), appId, PATIENCE);
    }

    private static HttpResponse<String> planner(EmbeddedCluster cluster, int type, String payload) throws Exception {
        return PlannerRequests.send(cluster.plannerUri(), type, payload);
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Spec spec(String function) {
        return new Spec("test/" + function, Path.of(function + ".yaml"), "", function, Bytes.utf8(""), "", 1,
                Optional.empty(), Map.of(), Set.of(), Expectation.NOTHING, List.of());
    }
}
