package org.faasm.conformance.jvm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.state.GlobalState;
import org.faasm.conformance.state.HostState;

/**
 * An in-process Faasm cluster for one spec: logical hosts with their own local state tiers, a shared
 * global tier, and chained calls run asynchronously on the backend's message pool, within the run
 * limits. The entry message runs on host 0; chained calls go round-robin over the other hosts (or
 * host 0 when it is alone). Closing it stops every call still running.
 */
public final class JvmCluster implements CallScheduler, AutoCloseable {
    static final String THREAD_PREFIX = "faasm-jvm-call-";
    /** Every spec is one app; ids only need to be unique within it. */
    private static final int APP_ID = 1;
    /** How long closing waits for stopped calls to unwind: within the spec runner's own grace period. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final MessageExecutor executor;
    private final MessagePool pool;
    private final ChainBudget budget;
    private final ChainedCallTimeout awaitTimeout;
    private final GlobalState global = new GlobalState();
    private final List<HostState> hosts = new ArrayList<>();
    private final HostState upload;
    private final Map<Integer, PooledRun<Observation>> calls = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final AtomicInteger nextHost = new AtomicInteger();
    private Map<String, byte[]> seedFiles = Map.of();

    JvmCluster(MessageExecutor executor, MessagePool pool, RunLimits limits, int hostCount, ChainedCallTimeout awaitTimeout) {
        this.executor = executor;
        this.pool = pool;
        this.budget = new ChainBudget(limits);
        this.awaitTimeout = awaitTimeout;
        for (int i = 0; i < hostCount; i++) {
            hosts.add(new HostState("host-" + i, global));
        }
        this.upload = new HostState("upload", global);
    }

    /** One spec runs as one user, so there is one state space. */
    @Override
    public HostState host(String user, int index) {
        return hosts.get(index);
    }

    /** Writes a global value the way {@code PUT /s/<user>/<key>} does: the upload server becomes its main. */
    void seedState(String key, byte[] value) {
        upload.putGlobal(key, value);
    }

    /** The files every message's sandbox starts with, as a spec gives them. */
    void seedFiles(Map<String, byte[]> files) {
        seedFiles = Map.copyOf(files);
    }

    /** The global value of each of {@code keys} that has one. */
    Map<String, byte[]> globalState(Collection<String> keys) {
        return global.values(keys);
    }

    /** Runs the entry message on host 0 in the calling thread. */
    Observation runEntry(String user, String function, byte[] input, String cmdline) throws InterruptedException {
        return executor.run(Message.entry(nextId.getAndIncrement(), APP_ID, user, function, 0, input, cmdline, 0), seedFiles, this);
    }

    /** Submits a chained call and returns its id at once (reference §2.4), or refuses it past the run limits. */
    @Override
    public int chain(Message parent, String function, int funcPtr, byte[] input) {
        budget.admit(parent, pool);
        int id = nextId.getAndIncrement();
        Message child = parent.child(id, function, funcPtr, input, placeChained());
        PooledRun<Observation> run = new PooledRun<>(() -> executor.run(child, seedFiles, this));
        calls.put(id, run);
        pool.start(run);
        return id;
    }

    @Override
    public Observation await(int appId, int id) throws InterruptedException {
        try {
            return calls.get(id).result().get();
        } catch (ExecutionException e) {
            throw harnessFailure(id, e);
        }
    }

    /** Every spec is one app: any id of it can be awaited, and one never made waits out the timeout. */
    @Override
    public Optional<Observation> awaitResult(int appId, int id) throws InterruptedException {
        try {
            PooledRun<Observation> call = appId == APP_ID ? calls.get(id) : null;
            return awaitTimeout.await(call == null ? null : call.result());
        } catch (ExecutionException e) {
            throw harnessFailure(id, e);
        }
    }

    /** A call that failed in the harness, not in the guest; an interrupted one stays an interruption. */
    private static RuntimeException harnessFailure(int id, ExecutionException e) throws InterruptedException {
        Throwable cause = e.getCause();
        if (cause instanceof GuestInterrupted) {
            throw new InterruptedException("chained call " + id + " was interrupted");
        }
        return new IllegalStateException("chained call " + id + " failed in the harness: " + cause, cause);
    }

    private int placeChained() {
        if (hosts.size() == 1) {
            return 0;
        }
        return 1 + Math.floorMod(nextHost.getAndIncrement(), hosts.size() - 1);
    }

    /** Stops every call still running (their threads are interrupted) and waits briefly for them to unwind. */
    @Override
    public void close() {
        calls.values().forEach(PooledRun::cancel);
        long end = System.nanoTime() + STOP_GRACE.toNanos();
        for (PooledRun<Observation> call : calls.values()) {
            call.awaitStopped(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
        }
    }
}
