package org.faasm.conformance.spec;

import java.util.List;
import java.util.Optional;

/**
 * One expected chained call: by name ({@code function}) or by function-table index ({@code ptr}),
 * with optional expectations on its input, its result as Faasm reports it, and its own chained calls.
 */
public record ChainedCallExpectation(
        Optional<String> function,
        Optional<Integer> ptr,
        Optional<BytesMatcher> input,
        Optional<Integer> returnValue,
        Optional<BytesMatcher> output,
        Optional<List<ChainedCallExpectation>> chained) {

    public String target() {
        return function.map(f -> "function " + f).orElseGet(() -> "ptr " + ptr.orElseThrow());
    }
}
