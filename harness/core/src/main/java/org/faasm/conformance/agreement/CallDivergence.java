package org.faasm.conformance.agreement;

import java.util.Optional;
import org.faasm.conformance.observe.HostCall;

/**
 * The first host call where two backends' traces part, after normalising.
 *
 * @param message which message of the call tree: {@code entry} or a path like {@code chained[0].chained[1]}
 * @param leftIndex the call's index in the left backend's raw trace of that message (-1 when its trace ended)
 * @param left the call as the left backend recorded it, empty when its trace had ended
 */
public record CallDivergence(String message, int leftIndex, int rightIndex, Optional<HostCall> left, Optional<HostCall> right) {
    @Override
    public String toString() {
        return message + ": " + describe(left, leftIndex) + " vs " + describe(right, rightIndex);
    }

    private static String describe(Optional<HostCall> call, int index) {
        return call.map(c -> "#" + (index + 1) + " " + c).orElse("(no more calls)");
    }
}
