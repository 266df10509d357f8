package org.faasm.conformance.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.faasm.conformance.jvm.CallScheduler;
import org.faasm.conformance.jvm.ChainedCallTimeout;
import org.faasm.conformance.jvm.Message;
import org.faasm.conformance.jvm.MessageExecutor;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.observe.Outcome;
import org.faasm.conformance.observe.Timings;
import org.faasm.conformance.state.HostState;
import org.faasm.conformance.support.DaemonThreads;

/**
 * The embedded cluster's planner and workers: runs each app on one logical worker (apps go round-robin,
 * as Faasm's bin-packing planner keeps a small app on one host), keeps
 * each app's results until flushed, and schedules the calls running functions chain. Each message has
 * a deadline; one that overruns is interrupted and fails like a Faasm task that threw.
 */
final class Planner implements CallScheduler, AutoCloseable {
    private final MessageExecutor executor;
    private final StateSpaces state;
    private final int workers;
    private final Duration messageTimeout;
    private final ChainedCallTimeout awaitTimeout;
    private final ExecutorService pool = Executors.newCachedThreadPool(DaemonThreads.named("faasm-embedded-worker-"));
    private final ScheduledExecutorService deadlines =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("faasm-embedded-deadline-"));
    private final Map<Integer, CompletableFuture<MessageResult>> calls = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> appIds = new ConcurrentHashMap<>();
    private final Map<Integer, List<Integer>> chainedIds = new ConcurrentHashMap<>();
    private final Map<Integer, App> apps = new ConcurrentHashMap<>();
    /** Like Faasm's generateGid(): a random base per process plus a counter. */
    private final AtomicInteger nextId = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 29, 1 << 30));
    private final AtomicInteger nextWorker = new AtomicInteger();
    private final Map<Integer, Integer> placements = new ConcurrentHashMap<>();

    Planner(MessageExecutor executor, StateSpaces state, int workers, Duration messageTimeout, ChainedCallTimeout awaitTimeout) {
        this.executor = executor;
        this.awaitTimeout = awaitTimeout;
        this.state = state;
        this.workers = workers;
        this.messageTimeout = messageTimeout;
    }

    /** Schedules a message from a client's EXECUTE_BATCH; its id and app id are the client's. */
    void submit(int id, int appId, String user, String function, int funcPtr, byte[] input, String cmdline) {
        schedule(new Message(id, appId, user, function, funcPtr, input, cmdline, workerFor(appId)));
    }

    boolean isKnown(int id) {
        return calls.containsKey(id);
    }

    /** Empty until the app's first message has finished (Faasm: "App not registered in results"). */
    Optional<AppStatus> status(int appId) {
        App app = apps.get(appId);
        if (app == null || app.results.isEmpty()) {
            return Optional.empty();
        }
        // Read "finished" before copying: a result is added before its message leaves inFlight, so
        // every result is in the copy when nothing was in flight (the other order could miss one).
        boolean finished = app.inFlight.get() == 0;
        List<MessageResult> results = new ArrayList<>(app.results);
        results.sort(Comparator.comparingInt(r -> r.message().id()));
        return Optional.of(new AppStatus(appId, finished, results));
    }

    /** Waits up to {@code wait} for another result of the app, so pollers need not spin. */
    void awaitProgress(int appId, Duration wait) throws InterruptedException {
        App app = apps.get(appId);
        if (app == null || app.inFlight.get() == 0) {
            return;
        }
        synchronized (app) {
            app.wait(Math.max(1, wait.toMillis()));
        }
    }

    @Override
    public HostState host(String user, int index) {
        return state.worker(user, index);
    }

    @Override
    public int chain(Message parent, String function, int funcPtr, byte[] input) {
        int id = nextId.getAndIncrement();
        chainedIds.computeIfAbsent(parent.id(), k -> new CopyOnWriteArrayList<>()).add(id);
        schedule(parent.child(id, function, funcPtr, input, workerFor(parent.appId())));
        return id;
    }

    @Override
    public Observation await(int id) throws InterruptedException {
        CompletableFuture<MessageResult> call = calls.get(id);
        if (call == null) {
            throw new IllegalArgumentException("no message with id " + Integer.toUnsignedString(id));
        }
        try {
            return call.get().observation();
        } catch (ExecutionException e) {
            throw failedInCluster(id, e);
        }
    }

    /** Faasm's planner keys results by (app, id): a message of another app is never seen. */
    @Override
    public Optional<Observation> awaitResult(int appId, int id) throws InterruptedException {
        CompletableFuture<MessageResult> call = calls.get(id);
        boolean sameApp = call != null && appIds.get(id) == appId;
        try {
            return awaitTimeout.await(sameApp ? call : null).map(MessageResult::observation);
        } catch (ExecutionException e) {
            throw failedInCluster(id, e);
        }
    }

    private static IllegalStateException failedInCluster(int id, ExecutionException e) {
        return new IllegalStateException("message " + id + " failed in the cluster: " + e.getCause(), e.getCause());
    }

    /** Forgets every app's results (FLUSH_SCHEDULING_STATE); running messages still finish. */
    void flushResults() {
        apps.clear();
    }

    private void schedule(Message message) {
        App app = apps.computeIfAbsent(message.appId(), k -> new App());
        app.inFlight.incrementAndGet();
        CompletableFuture<MessageResult> result = new CompletableFuture<>();
        appIds.put(message.id(), message.appId());
        calls.put(message.id(), result);
        Future<?> task = pool.submit(() -> run(message, app, result));
        deadlines.schedule(() -> task.cancel(true), messageTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(Message message, App app, CompletableFuture<MessageResult> result) {
        long start = System.currentTimeMillis();
        Observation observation;
        try {
            observation = executor.run(message, this);
        } catch (InterruptedException | RuntimeException e) {
            observation = failed(message, Thread.currentThread().isInterrupted() || e instanceof InterruptedException
                    ? "no result within " + messageTimeout.toMillis() + " ms" : e.toString());
            Thread.interrupted();
        }
        MessageResult finished = new MessageResult(message, observation, start, System.currentTimeMillis(),
                "worker-" + message.host(), List.copyOf(chainedIds.getOrDefault(message.id(), List.of())));
        app.results.add(finished);
        app.inFlight.decrementAndGet();
        synchronized (app) {
            app.notifyAll();
        }
        result.complete(finished);
    }

    /** A message the cluster could not finish, reported the way faabric's executor reports a throw. */
    private static Observation failed(Message message, String reason) {
        return new Observation(message.function(), message.funcPtr(), message.input(), Outcome.HOST_ERROR, 1,
                Observation.threwExceptionOutput(message.id(), reason),
                reason, new byte[0], new byte[0], message.host(), List.of(), Map.of(), List.of(), Timings.NONE);
    }

    private int workerFor(int appId) {
        return placements.computeIfAbsent(appId, k -> Math.floorMod(nextWorker.getAndIncrement(), workers));
    }

    @Override
    public void close() {
        pool.shutdownNow();
        deadlines.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class App {
        final List<MessageResult> results = new CopyOnWriteArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger();
    }
}
