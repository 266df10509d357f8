package org.faasm.conformance.spec;

import java.nio.file.Path;

/**
 * Why a spec file could not be loaded, and where: the file, the line (0 when unknown) and the field
 * as a JSON pointer (empty for the whole document).
 */
public record SpecLoadError(Path file, int line, String field, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file.toString());
        if (line > 0) {
            text.append(':').append(line);
        }
        if (!field.isEmpty()) {
            text.append(" at ").append(field);
        }
        return text.append(": ").append(message).toString();
    }
}
