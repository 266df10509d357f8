package org.faasm.conformance.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A self-contained HTML page: a template from the classpath whose inline script renders a JSON value
 * embedded in it (the report's {@code index.html}, the bench's {@code bench.html}).
 */
public final class JsonPage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonPage() {}

    /** The template at {@code resource} with {@code placeholder} replaced by {@code data} as JSON. */
    public static String render(String resource, String placeholder, JsonNode data) {
        try {
            String json = JSON.writeValueAsString(data);
            // Inside <script>, "</script>" or "<!--" in a value would end the block; JSON may spell '<' as \u003c.
            return template(resource).replace(placeholder, json.replace("<", "\\u003c"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static String template(String resource) {
        try (InputStream in = JsonPage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
