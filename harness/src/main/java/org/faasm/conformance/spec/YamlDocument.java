package org.faasm.conformance.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** A parsed YAML document together with the line on which each JSON-pointer location starts. */
public final class YamlDocument {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    public static YamlDocument parse(String text) throws JsonProcessingException {
        JsonNode root = MAPPER.readTree(text);
        return new YamlDocument(root, lineIndex(text));
    }

    public JsonNode root() {
        return root;
    }

    /** The line of the nearest located ancestor of {@code pointer}, or 0. */
    public int lineOf(String pointer) {
        String current = pointer;
        while (true) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            int cut = current.lastIndexOf('/');
            if (cut < 0) {
                return 0;
            }
            current = current.substring(0, cut);
        }
    }

    private static Map<String, Integer> lineIndex(String text) throws JsonProcessingException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string cannot fail", e);
        }
        return lines;
    }
}
