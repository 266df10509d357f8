package org.faasm.conformance.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The mapper for JSON that carries guest bytes (a browser page's observations, a planner's messages):
 * Jackson's default string limit, 20 M characters, would turn any output above about 15 MiB into an
 * unexplained error. Past this mapper's limit, {@link #readTree(String)} says which limit was hit.
 */
public final class BoundedJsonMapper extends ObjectMapper {
    /** The largest byte string (an input, output, stdout, stderr or state value) the harness carries through JSON. */
    public static final int MAX_VALUE_BYTES = 64 << 20;
    /** The longest JSON string read: {@link #MAX_VALUE_BYTES} in base64 is 85.3 Mi characters, and JSON text around it needs room. */
    public static final int MAX_STRING_CHARS = 96 << 20;

    private final int maxStringChars;

    public BoundedJsonMapper() {
        this(MAX_STRING_CHARS);
    }

    BoundedJsonMapper(int maxStringChars) {
        super(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxStringChars).build()).build());
        this.maxStringChars = maxStringChars;
    }

    @Override
    public JsonNode readTree(String content) throws JsonProcessingException {
        try {
            return super.readTree(content);
        } catch (StreamConstraintsException e) {
            throw new StreamConstraintsException("JSON beyond the harness's limits (strings of at most " + maxStringChars
                    + " characters, room for a value of " + (MAX_VALUE_BYTES >> 20) + " MiB in base64; see harness/docs/limits.md): "
                    + e.getOriginalMessage(), e.getLocation());
        }
    }
}
