package org.faasm.conformance.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Faasm message must carry after a run: its return value and output, stdout and stderr (where
 * a backend sees them apart), its chained calls, the global state and the files in its sandboxed file
 * system (by {@link GuestPath} text). An empty field is not checked.
 */
public record Expectation(
        Optional<Integer> returnValue,
        Optional<BytesMatcher> output,
        Optional<BytesMatcher> stdout,
        Optional<BytesMatcher> stderr,
        Optional<List<ChainedCallExpectation>> chained,
        Map<String, StateExpectation> state,
        Map<String, StateExpectation> files) {

    public static final Expectation NOTHING =
            new Expectation(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

    /** An expectation that says nothing about files. */
    public Expectation(Optional<Integer> returnValue, Optional<BytesMatcher> output, Optional<BytesMatcher> stdout,
            Optional<BytesMatcher> stderr, Optional<List<ChainedCallExpectation>> chained, Map<String, StateExpectation> state) {
        this(returnValue, output, stdout, stderr, chained, state, Map.of());
    }

    /** This expectation with every field the override sets replaced (state and files key by key), as a VM's own results say. */
    public Expectation overriddenBy(Expectation override) {
        Map<String, StateExpectation> mergedState = new LinkedHashMap<>(state);
        mergedState.putAll(override.state);
        Map<String, StateExpectation> mergedFiles = new LinkedHashMap<>(files);
        mergedFiles.putAll(override.files);
        return new Expectation(
                override.returnValue.or(() -> returnValue),
                override.output.or(() -> output),
                override.stdout.or(() -> stdout),
                override.stderr.or(() -> stderr),
                override.chained.or(() -> chained),
                java.util.Collections.unmodifiableMap(mergedState),
                java.util.Collections.unmodifiableMap(mergedFiles));
    }

    /** The same expectation without stdout and stderr, for backends that cannot see them apart from the output. */
    public Expectation withoutStdio() {
        return new Expectation(returnValue, output, Optional.empty(), Optional.empty(), chained, state, files);
    }

    public boolean expectsStdio() {
        return stdout.isPresent() || stderr.isPresent();
    }
}
