package org.faasm.conformance.observe;

import java.util.List;

/**
 * One call from the guest into the host: the import's name, its arguments decoded where they are
 * strings or buffers, and its result ({@code null} for none, or the error it raised).
 */
public record HostCall(String name, List<String> arguments, String result) {

    @Override
    public String toString() {
        return name + "(" + String.join(", ", arguments) + ")" + (result == null ? "" : " -> " + result);
    }
}
