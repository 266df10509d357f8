package org.faasm.conformance.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec file that does not load; carries every error found in it. */
public final class SpecLoadException extends Exception {
    private final List<SpecLoadError> errors;

    public SpecLoadException(List<SpecLoadError> errors) {
        super(errors.stream().map(SpecLoadError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<SpecLoadError> errors() {
        return errors;
    }
}
