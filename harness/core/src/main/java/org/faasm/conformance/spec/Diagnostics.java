package org.faasm.conformance.spec;

import java.util.Optional;

/**
 * What a spec says about the harness's own diagnostics, beyond anything a Faasm message carries: the
 * engine's error text when the entry fails. Checked only on backends that produce diagnostics, so it
 * can never make a real-Faasm column fail.
 *
 * @param trap the entry must fail (trap or host error) with an error text matching this
 */
public record Diagnostics(Optional<BytesMatcher> trap) {
    public static final Diagnostics NONE = new Diagnostics(Optional.empty());
}
