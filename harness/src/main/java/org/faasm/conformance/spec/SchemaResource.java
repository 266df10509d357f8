package org.faasm.conformance.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
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

    private final JsonSchema schema;

    public SchemaResource(String resource) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        try (InputStream in = SchemaResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Schema violations, each with the JSON pointer of the offending field, in document order. */
    public List<Violation> validate(JsonNode document) {
        return schema.validate(document).stream()
                .map(SchemaResource::violation)
                .sorted(Comparator.comparing(Violation::pointer))
                .toList();
    }

    private static Violation violation(ValidationMessage message) {
        String pointer = message.getInstanceLocation().toString();
        if (message.getProperty() != null && "additionalProperties".equals(message.getType())) {
            pointer = pointer + "/" + message.getProperty();
        }
        return new Violation(pointer, message.getMessage());
    }

    public record Violation(String pointer, String message) {}
}
