package org.faasm.conformance.jvm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.state.GlobalState;
import org.faasm.conformance.state.HostState;
import org.faasm.conformance.support.DaemonThreads;

/**
 * An in-process Faasm cluster for one spec: logical hosts with their own local state tiers, a shared
 * global tier, and chained calls run asynchronously on a thread pool. The entry message runs on
 * host 0; chained calls go round-robin over the other hosts (or host 0 when it is alone).
 */
public final class JvmCluster implements CallScheduler, AutoCloseable {
    static final String THREAD_PREFIX = "faasm-jvm-call-";
    /** Every spec is one app; ids only need to be unique within it. */
    private static final int APP_ID = 1;

    private final MessageExecutor executor;
    private final GlobalState global = new GlobalState();
    private final List<HostState> hosts = new ArrayList<>();
    private final HostState upload;
    private final ExecutorService pool = Executors.newCachedThreadPool(DaemonThreads.named(THREAD_PREFIX));
    private final Map<Integer, Future<Observation>> calls = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final AtomicInteger nextHost = new AtomicInteger();

    JvmCluster(MessageExecutor executor, int hostCount) {
        this.executor = executor;
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

    /** The global value of each of {@code keys} that has one. */
    Map<String, byte[]> globalState(Collection<String> keys) {
        return global.values(keys);
    }

    /** Runs the entry message on host 0 in the calling thread. */
    Observation runEntry(String user, String function, byte[] input, String cmdline) throws InterruptedException {
        return executor.run(new Message(nextId.getAndIncrement(), APP_ID, user, function, 0, input, cmdline, 0), this);
    }

    /** Submits a chained call and returns its id at once (reference §2.4). */
    @Override
    public int chain(Message parent, String function, int funcPtr, byte[] input) {
        int id = nextId.getAndIncrement();
        Message child = parent.child(id, function, funcPtr, input, placeChained());
        calls.put(id, pool.submit(() -> executor.run(child, this)));
        return id;
    }

    @Override
    public Observation await(int id) throws InterruptedException {
        Future<Observation> call = calls.get(id);
        try {
            return call.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof GuestInterrupted) {
                throw new InterruptedException("chained call " + id + " was interrupted");
            }
            throw new IllegalStateException("chained call " + id + " failed in the harness: " + cause, cause);
        }
    }

    private int placeChained() {
        if (hosts.size() == 1) {
            return 0;
        }
        return 1 + Math.floorMod(nextHost.getAndIncrement(), hosts.size() - 1);
    }

    /** Stops every call still running (their threads are interrupted) and waits briefly for them. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
