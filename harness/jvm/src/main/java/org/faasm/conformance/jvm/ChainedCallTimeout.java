package org.faasm.conformance.jvm;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How long a guest's {@code await_call} waits for a result before it gets faabric's EMPTY message,
 * whose return value is 0 (faasm:src/wasm/chaining_util.cpp:13-36). Faasm's CHAINED_CALL_TIMEOUT is
 * 300 s (faasm:src/conf/FaasmConfig.cpp:31), and so is that of the jvm-wavm and jvm-wamr models; the
 * embedded cluster and the browser use {@code -Dconformance.chainedCallTimeoutMs}, 1000 ms by default,
 * so a spec awaiting an id that never runs ends well within its deadline there.
 */
public record ChainedCallTimeout(Duration duration) {
    public static final String PROPERTY = "conformance.chainedCallTimeoutMs";
    /** Faasm's own CHAINED_CALL_TIMEOUT, which the jvm models of the Faasm columns wait for. */
    public static final ChainedCallTimeout FAASM = new ChainedCallTimeout(Duration.ofSeconds(300));
    private static final long DEFAULT_MS = 1000;

    public static ChainedCallTimeout configured() {
        String value = System.getProperty(PROPERTY, "").trim();
        if (value.isEmpty()) {
            return new ChainedCallTimeout(Duration.ofMillis(DEFAULT_MS));
        }
        try {
            long millis = Long.parseLong(value);
            if (millis > 0) {
                return new ChainedCallTimeout(Duration.ofMillis(millis));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + PROPERTY + " must be a positive number of milliseconds, not '" + value + "'");
    }

    /** The call's result if it comes in time; a call that does not exist ({@code null}) waits out the whole timeout. */
    public <T> Optional<T> await(Future<T> call) throws InterruptedException, ExecutionException {
        if (call == null) {
            Thread.sleep(duration.toMillis());
            return Optional.empty();
        }
        try {
            return Optional.of(call.get(duration.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }
}
