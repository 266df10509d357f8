package org.faasm.conformance.spec;

import java.util.Optional;

/** What a state key must hold after the run: a value matching {@code value}, or no value at all. */
public record StateExpectation(Optional<BytesMatcher> value) {
    public static StateExpectation absent() {
        return new StateExpectation(Optional.empty());
    }

    public static StateExpectation matching(BytesMatcher matcher) {
        return new StateExpectation(Optional.of(matcher));
    }

    public String describe() {
        return value.map(BytesMatcher::describe).orElse("absent");
    }
}
