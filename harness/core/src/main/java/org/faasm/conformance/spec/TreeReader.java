package org.faasm.conformance.spec;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * Reads a YAML document into a JSON tree with aliases resolved as YAML defines them: Jackson's own
 * tree reader gives {@code *why} as the text "why", and its parser does not say which node an anchor
 * is on. SnakeYAML's events (which Jackson's parser is built on, one token per node event) do, so the
 * anchors are read from them and matched to Jackson's tokens in document order.
 *
 * <p>Bounded, so that a small file cannot expand into a huge tree (a "billion laughs" of nested aliases):
 * at most {@value #MAX_NODES} nodes once aliases are expanded, {@value #MAX_DEPTH} levels of nesting and
 * {@value #MAX_ALIASES} aliases; past one, the parse fails naming the limit, and the file is a load error.
 */
final class TreeReader {
    static final int MAX_NODES = 100_000;
    static final int MAX_DEPTH = 64;
    static final int MAX_ALIASES = 1_000;
    private final YAMLParser parser;
    private final List<String> anchorOfNode = new ArrayList<>();
    private final Map<String, JsonNode> anchored = new HashMap<>();
    private final Map<String, Integer> anchoredSize = new HashMap<>();
    private int next;
    private int nodes;
    private int aliases;

    /** @param parser positioned on the document's first token */
    TreeReader(YAMLParser parser, String text) {
        this.parser = parser;
        try {
            for (Event event : new Yaml(YamlDocument.loaderOptions()).parse(new StringReader(text))) {
                if (event instanceof NodeEvent node) {
                    anchorOfNode.add(node instanceof AliasEvent ? null : node.getAnchor());
                }
            }
        } catch (YAMLException e) {
            // Malformed further on: Jackson's parser stops at the same place and says where.
        }
    }

    /** The value at the current token (which it consumes). */
    JsonNode node() throws IOException {
        return node(1);
    }

    private JsonNode node(int depth) throws IOException {
        String anchor = next < anchorOfNode.size() ? anchorOfNode.get(next) : null;
        next++;
        if (depth > MAX_DEPTH) {
            throw new JsonParseException(parser, "YAML nested deeper than " + MAX_DEPTH + " levels (harness/docs/limits.md)");
        }
        if (parser.isCurrentAlias()) {
            JsonNode target = anchored.get(parser.getText());
            if (target == null) {
                throw new JsonParseException(parser, "alias *" + parser.getText() + " names no anchor before it");
            }
            if (++aliases > MAX_ALIASES) {
                throw new JsonParseException(parser, "more than " + MAX_ALIASES + " YAML aliases (harness/docs/limits.md)");
            }
            count(anchoredSize.get(parser.getText()));
            return target.deepCopy();
        }
        int before = nodes;
        count(1);
        JsonNode node;
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            ObjectNode object = YamlDocument.MAPPER.createObjectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                next++; // the key is a node of its own
                String name = parser.currentName();
                parser.nextToken();
                object.set(name, node(depth + 1));
            }
            node = object;
        } else if (parser.currentToken() == JsonToken.START_ARRAY) {
            ArrayNode array = YamlDocument.MAPPER.createArrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(node(depth + 1));
            }
            node = array;
        } else {
            node = YamlDocument.MAPPER.readTree(parser); // a scalar, typed as Jackson types it (int, long, text, ...)
        }
        if (anchor != null) {
            anchored.put(anchor, node);
            anchoredSize.put(anchor, nodes - before);
        }
        return node;
    }

    /** Counts nodes as the tree grows, aliases expanded: past {@value #MAX_NODES} the document is refused before it is built. */
    private void count(int added) throws JsonParseException {
        nodes += added;
        if (nodes > MAX_NODES) {
            throw new JsonParseException(parser, "YAML of more than " + MAX_NODES + " nodes once its aliases are expanded (harness/docs/limits.md)");
        }
    }
}
