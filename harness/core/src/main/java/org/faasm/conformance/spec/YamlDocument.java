package org.faasm.conformance.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A parsed YAML document together with the line on which each JSON-pointer location starts. */
public final class YamlDocument {
    /** A key given twice is an error: otherwise the last one would silently win. */
    static final YAMLFactory YAML = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .loaderOptions(loaderOptions()).build();
    static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** Reads a YAML file from the specs tree; every failure names the file and, where known, the line. */
    public static YamlDocument read(SpecTree tree, Path file) throws SpecLoadException {
        try {
            return parse(StrictUtf8.decode(tree.readYaml(file)));
        } catch (SpecTree.RefusedFile e) {
            throw failure(file, 0, e.getMessage());
        } catch (StrictUtf8.Malformed e) {
            throw failure(file, e.line(), e.getMessage());
        } catch (JsonProcessingException e) {
            throw failure(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "malformed YAML: " + e.getOriginalMessage());
        }
    }

    private static SpecLoadException failure(Path file, int line, String message) {
        return new SpecLoadException(List.of(new SpecLoadError(file, line, "", message)));
    }

    /**
     * SnakeYAML's own bounds, under the tree's ({@link TreeReader}): aliases, nesting, and the document's size in
     * code points (the files' byte limit, {@link SpecTree#MAX_YAML_FILE_BYTES}).
     */
    static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(TreeReader.MAX_ALIASES);
        options.setNestingDepthLimit(TreeReader.MAX_DEPTH);
        options.setCodePointLimit(SpecTree.MAX_YAML_FILE_BYTES);
        return options;
    }

    /** Parses YAML text (every YAML file the harness reads goes through here); {@link #read} is how files of the specs tree are read. */
    public static YamlDocument parse(String text) throws JsonProcessingException {
        try (YAMLParser parser = (YAMLParser) YAML.createParser(text)) {
            JsonNode root = parser.nextToken() == null ? MissingNode.getInstance() : new TreeReader(parser, text).node();
            return new YamlDocument(root, lineIndex(text));
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string cannot fail", e);
        }
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
