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

/** The JSON Schema of spec format v1 (harness resource {@value #RESOURCE}), applied to parsed YAML. */
final class SpecSchema {
    static final String RESOURCE = "/schema/spec-v1.schema.json";

    private final JsonSchema schema;

    SpecSchema() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        try (InputStream in = SpecSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Schema violations, each with the JSON pointer of the offending field. */
    List<Violation> validate(JsonNode document) {
        return schema.validate(document).stream()
                .map(SpecSchema::violation)
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

    record Violation(String pointer, String message) {}
}
