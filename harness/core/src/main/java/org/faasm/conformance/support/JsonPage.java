package org.faasm.conformance.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A self-contained HTML page: a template from the classpath whose inline script renders a JSON value
 * embedded in it (the report's {@code index.html}, the bench's {@code bench.html}). A template starts
 * with {@code <!--page-head: TITLE-->}, which becomes the head every page shares up to its own style.
 */
public final class JsonPage {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PAGE_HEAD = Pattern.compile("\\A<!--page-head: ([^<>]*)-->\n");
    private static final String HEAD = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="data:,">
            <title>%s</title>
            """;

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
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher head = PAGE_HEAD.matcher(text);
            if (!head.lookingAt()) {
                throw new IllegalStateException(resource + " does not start with <!--page-head: TITLE-->");
            }
            return HEAD.formatted(head.group(1)) + text.substring(head.end());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
