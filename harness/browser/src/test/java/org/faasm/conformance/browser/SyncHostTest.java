package org.faasm.conformance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SyncHostTest {

    @Test
    void takesOutAsyncAndAwaitButNotWordsThatContainThem() {
        String source = """
                export async function run(a) { return await a.awaitResult(1); }
                const f = async (x) => await x;
                const g = async y => y;
                class C { async get(key) { const v = (await this.client.getState(key)); return v; } }
                const timeout = this.awaitTimeoutMs;
                """;
        String made = new String(SyncHost.of("/sync/calls.mjs", source.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        assertThat(made).doesNotContainPattern("\\basync\\b").doesNotContainPattern("\\bawait\\b")
                .contains("export function run(a) { return a.awaitResult(1); }", "const f = (x) => x;", "const g = y => y;",
                        "class C { get(key) { const v = (this.client.getState(key)); return v; } }", "this.awaitTimeoutMs");
    }

    @Test
    void servesOnlyModulesBelowItsFolderAndSwapsTheBlockingModule() {
        assertThat(SyncHost.serves("/sync/host-run.mjs")).isTrue();
        assertThat(SyncHost.serves("/sync/../page.mjs")).isFalse();
        assertThat(SyncHost.serves("/host-run.mjs")).isFalse();
        assertThat(SyncHost.source("/sync/blocking.mjs")).isEqualTo("blocking-sync.mjs");
        byte[] blocking = "export async function x() {}".getBytes(StandardCharsets.UTF_8);
        assertThat(SyncHost.of("/sync/blocking.mjs", blocking)).isEqualTo(blocking);
    }
}
