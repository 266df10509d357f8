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
 * 300 s (faasm:src/conf/FaasmConfig.cpp:31): every host waits that long for a call that exists (the
 * spec's deadline ends a longer wait), and the jvm-wavm and jvm-wamr models also for an id no one has
 * made. The embedded cluster and the browser wait {@code -Dconformance.chainedCallTimeoutMs}, 1000 ms
 * by default, for such an id, so a spec awaiting one ends well within its deadline there; a call that
 * is merely slow on a loaded machine is never cut short.
 */
public record ChainedCallTimeout(Duration duration) {
    public static final String PROPERTY = "conformance.chainedCallTimeoutMs";
    /** Faasm's own CHAINED_CALL_TIMEOUT, which the jvm models of the Faasm columns wait for. */
    private static final long FAASM_SECONDS = 300;
    public static final ChainedCallTimeout FAASM = new ChainedCallTimeout(Duration.ofSeconds(FAASM_SECONDS));
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

    /** The call's result if it comes within Faasm's timeout; a call that does not exist ({@code null}) waits out this one. */
    public <T> Optional<T> await(Future<T> call) throws InterruptedException, ExecutionException {
        if (call == null) {
            Thread.sleep(duration.toMillis());
            return Optional.empty();
        }
        try {
            return Optional.of(call.get(FAASM_SECONDS, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }
}
