package org.faasm.conformance.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/**
 * A JSON Schema (draft 2020-12) shipped as a harness resource, applied to parsed YAML or JSON; each
 * violation carries the JSON pointer of the offending field so callers can name its line.
 */
public final class SchemaResource {
    public static final String SPEC_V1 = "/schema/spec-v1.schema.json";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialects.getDraft202012(),
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));
    /** The harness reads documents with Jackson 2, the validator with Jackson 3: a document crosses as JSON text. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Schema schema;

    public SchemaResource(String resource) {
        try (InputStream in = SchemaResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            schema = REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Schema violations, each with the JSON pointer of the offending field, in document order. */
    public List<Violation> validate(JsonNode document) {
        return schema.validate(json(document), InputFormat.JSON).stream()
                .map(SchemaResource::violation)
                .sorted(Comparator.comparing(Violation::pointer))
                .toList();
    }

    private static String json(JsonNode document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Violation violation(Error error) {
        String pointer = error.getInstanceLocation().toString();
        if (error.getProperty() != null && "additionalProperties".equals(error.getKeyword())) {
            pointer = pointer + "/" + error.getProperty();
        }
        return new Violation(pointer, error.getMessage());
    }

    public record Violation(String pointer, String message) {}
}
