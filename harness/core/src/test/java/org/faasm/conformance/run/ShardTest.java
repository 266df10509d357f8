package org.faasm.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.faasm.conformance.spec.Spec;
import org.faasm.conformance.spec.SpecCatalog;
import org.junit.jupiter.api.Test;

/** Shards split the suite: every spec in exactly one, the same one every time, none of them empty. */
class ShardTest {

    @Test
    void theShardsOfTheSuiteHoldEverySpecOnce() {
        List<Spec> catalog = SpecCatalog.load(ProjectLayout.locate().specs()).specs();
        for (int count = 1; count <= 4; count++) {
            List<String> seen = new ArrayList<>();
            for (int index = 1; index <= count; index++) {
                List<String> part = new Selection(List.of(), List.of(), List.of(), new Shard(index, count)).select(catalog)
                        .stream().map(Spec::id).toList();
                assertThat(part).as("shard %d/%d", index, count).isNotEmpty();
                seen.addAll(part);
            }
            assertThat(seen).as("%d shards", count).hasSameSizeAs(catalog).containsExactlyInAnyOrderElementsOf(catalog.stream().map(Spec::id).toList());
        }
    }

    @Test
    void aSpecStaysInItsShard() {
        Shard second = Shard.parse("2/3");
        assertThat(second.holds("io/echo_text")).isEqualTo(new Shard(2, 3).holds("io/echo_text"));
        assertThat(List.of(Shard.parse("1/3"), second, Shard.parse("3/3")).stream().filter(s -> s.holds("io/echo_text"))).hasSize(1);
    }

    @Test
    void aShardIsIOfN() {
        assertThatThrownBy(() -> Shard.parse("0/2")).hasMessageContaining("1 <= i <= n, not 0/2");
        assertThatThrownBy(() -> Shard.parse("3/2")).hasMessageContaining("not 3/2");
        assertThatThrownBy(() -> Shard.parse("half")).hasMessageContaining("a shard is i/n, e.g. 1/2, not 'half'");
    }
}
