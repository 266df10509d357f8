package org.faasm.conformance.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything a spec expects of a run. An empty field is not checked. */
public record Expectation(
        Optional<Integer> returnValue,
        Optional<BytesMatcher> output,
        Optional<BytesMatcher> stdout,
        Optional<BytesMatcher> stderr,
        Optional<BytesMatcher> trap,
        Optional<List<ChainedCallExpectation>> chained,
        Map<String, StateExpectation> state) {}
