package org.faasm.conformance.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** JSON carrying guest bytes: values up to the harness's limit read, larger ones fail saying which limit. */
class BoundedJsonMapperTest {

    @Test
    void theStringLimitHoldsTheLargestValueInBase64() {
        long base64 = 4L * ((BoundedJsonMapper.MAX_VALUE_BYTES + 2) / 3);
        assertThat((long) BoundedJsonMapper.MAX_STRING_CHARS).isGreaterThan(base64);
    }

    @Test
    void aStringAboveJacksonsDefaultLimitReads() throws Exception {
        String value = "A".repeat(24 << 20);
        String json = "{\"output\":\"" + value + "\"}";
        assertThatThrownBy(() -> new ObjectMapper().readTree(json)).isInstanceOf(StreamConstraintsException.class);
        assertThat(new BoundedJsonMapper().readTree(json).path("output").asText()).hasSize(value.length());
    }

    @Test
    void aStringAboveTheLimitNamesIt() {
        String json = "{\"output\":\"" + Base64.getEncoder().encodeToString(new byte[3000]) + "\"}";
        assertThatThrownBy(() -> new BoundedJsonMapper(1000).readTree(json))
                .isInstanceOf(StreamConstraintsException.class)
                .hasMessageContaining("JSON beyond the harness's limits (strings of at most 1000 characters, room for a value of 64 MiB")
                .hasMessageContaining("harness/docs/limits.md");
    }
}
