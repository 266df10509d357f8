package org.faasm.conformance.cluster;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.faasm.conformance.jvm.CallScheduler;
import org.faasm.conformance.jvm.ChainedCallTimeout;
import org.faasm.conformance.jvm.Message;
import org.faasm.conformance.jvm.MessageExecutor;
import org.faasm.conformance.jvm.MessagePool;
import org.faasm.conformance.jvm.RunLimits;
import org.faasm.conformance.observe.Observation;
import org.faasm.conformance.observe.Outcome;
import org.faasm.conformance.observe.Timings;
import org.faasm.conformance.state.HostState;
import org.faasm.conformance.support.DaemonThreads;

/**
 * The embedded cluster's planner and workers: runs each app on one logical worker (apps go round-robin,
 * as Faasm's bin-packing planner keeps a small app on one host), keeps each app's results until they
 * are flushed or, once read, until newer apps push them out, and schedules the calls running functions
 * chain. Messages run on a bounded pool within the run limits: a batch that does not fit is refused
 * as Faasm refuses one (no free slots), a chained call that does not fit fails its caller. Each message
 * has a deadline; one that overruns, or whose spec ended, is stopped and fails like a Faasm task that threw.
 */
final class Planner implements CallScheduler, AutoCloseable {
    static final String THREAD_PREFIX = "faasm-embedded-worker-";
    /**
     * Finished apps whose results were read and are still kept, for clients that read them again
     * (Faasm keeps every result until a flush); older ones are forgotten, so memory stays flat.
     */
    static final int RETAINED_READ_APPS = 16;
    /** How long stopping a spec's messages waits for them to unwind. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final MessageExecutor executor;
    private final SharedFiles shared;
    private final StateSpaces state;
    private final int workers;
    private final Duration messageTimeout;
    private final ChainedCallTimeout awaitTimeout;
    private final RunLimits limits;
    private final MessagePool pool;
    private final ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("faasm-embedded-deadline-"));
    private final Map<Integer, App> apps = new ConcurrentHashMap<>();
    private final Deque<Integer> readApps = new ArrayDeque<>();
    /** Like Faasm's generateGid(): a random base per process plus a counter. */
    private final AtomicInteger nextId = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 29, 1 << 30));
    private final AtomicInteger nextWorker = new AtomicInteger();

    Planner(MessageExecutor executor, StateSpaces state, SharedFiles shared, int workers, Duration messageTimeout,
            ChainedCallTimeout awaitTimeout, RunLimits limits) {
        this.executor = executor;
        this.shared = shared;
        this.awaitTimeout = awaitTimeout;
        this.state = state;
        this.workers = workers;
        this.messageTimeout = messageTimeout;
        this.limits = limits;
        this.pool = new MessagePool(THREAD_PREFIX, limits.concurrentMessages());
        deadlines.setRemoveOnCancelPolicy(true);
    }

    /** Reserves a slot for each of a batch's {@code count} messages, or none when too few are free. */
    boolean admit(int count) {
        return pool.reserve(count);
    }

    /** Schedules a message from a client's EXECUTE_BATCH, in a slot {@link #admit} reserved; its id and app id are the client's. */
    void submit(int id, int appId, String user, String function, int funcPtr, byte[] input, String cmdline) {
        App app = apps.compute(appId, (k, existing) -> {
            App entered = existing != null ? existing : new App(Math.floorMod(nextWorker.getAndIncrement(), workers), limits);
            entered.inFlight.incrementAndGet();
            return entered;
        });
        schedule(app, Message.entry(id, appId, user, function, funcPtr, input, cmdline, app.worker));
    }

    boolean isKnown(int id) {
        return apps.values().stream().anyMatch(app -> app.messages.containsKey(id));
    }

    /** Empty until the app's first message has finished (Faasm: "App not registered in results"). */
    Optional<AppStatus> status(int appId) {
        App app = apps.get(appId);
        if (app == null || app.results.isEmpty()) {
            return Optional.empty();
        }
        // Read "finished" before copying: a result is added before its message leaves inFlight, so
        // every result is in the copy when nothing was in flight (the other order could miss one).
        boolean finished = app.isFinished();
        List<MessageResult> results = new ArrayList<>(app.results);
        results.sort(Comparator.comparingInt(r -> r.message().id()));
        if (finished) {
            retire(appId);
        }
        return Optional.of(new AppStatus(appId, finished, results));
    }

    /** Waits up to {@code wait} for another result of the app, so pollers need not spin. */
    void awaitProgress(int appId, Duration wait) throws InterruptedException {
        App app = apps.get(appId);
        if (app == null || app.isFinished()) {
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

    /** The caller's app is in flight while it runs, so it is never forgotten under it. */
    @Override
    public int chain(Message parent, String function, int funcPtr, byte[] input) {
        App app = apps.get(parent.appId());
        app.budget.admit(parent, pool);
        int id = nextId.getAndIncrement();
        app.chainedIds.computeIfAbsent(parent.id(), k -> new CopyOnWriteArrayList<>()).add(id);
        app.inFlight.incrementAndGet();
        schedule(app, parent.child(id, function, funcPtr, input, app.worker));
        return id;
    }

    @Override
    public Observation await(int appId, int id) throws InterruptedException {
        ScheduledMessage message = find(appId, id);
        if (message == null) {
            throw new IllegalArgumentException("no message with id " + Integer.toUnsignedString(id) + " in app " + appId);
        }
        try {
            return message.run.result().get().observation();
        } catch (ExecutionException e) {
            throw failedInCluster(id, e);
        }
    }

    /** Faasm's planner keys results by (app, id): a message of another app is never seen. */
    @Override
    public Optional<Observation> awaitResult(int appId, int id) throws InterruptedException {
        ScheduledMessage message = find(appId, id);
        try {
            return awaitTimeout.await(message == null ? null : message.run.result()).map(MessageResult::observation);
        } catch (ExecutionException e) {
            throw failedInCluster(id, e);
        }
    }

    private ScheduledMessage find(int appId, int id) {
        App app = apps.get(appId);
        return app == null ? null : app.messages.get(id);
    }

    private static IllegalStateException failedInCluster(int id, ExecutionException e) {
        return new IllegalStateException("message " + id + " failed in the cluster: " + e.getCause(), e.getCause());
    }

    /** Forgets every finished app (FLUSH_SCHEDULING_STATE, RESET); running messages still finish, and their apps stay. */
    void flushResults() {
        for (Integer appId : apps.keySet()) {
            forgetIfFinished(appId);
        }
        synchronized (readApps) {
            readApps.clear();
        }
    }

    /** Stops every message still running, failing each with {@code reason}, and waits briefly for them to unwind. */
    void stopRunning(String reason) {
        List<ScheduledMessage> running = apps.values().stream()
                .flatMap(app -> app.messages.values().stream())
                .filter(message -> !message.isDone())
                .toList();
        running.forEach(message -> message.stop(reason));
        long end = System.nanoTime() + STOP_GRACE.toNanos();
        for (ScheduledMessage message : running) {
            message.run.awaitStopped(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
        }
    }

    /** Keeps the last few apps whose finished results were read; forgets the oldest beyond them. */
    private void retire(int appId) {
        synchronized (readApps) {
            if (!readApps.contains(appId)) {
                readApps.addLast(appId);
            }
            while (readApps.size() > RETAINED_READ_APPS) {
                forgetIfFinished(readApps.removeFirst());
            }
        }
    }

    private void forgetIfFinished(int appId) {
        apps.computeIfPresent(appId, (k, app) -> app.isFinished() ? null : app);
    }

    private void schedule(App app, Message message) {
        ScheduledMessage scheduled = new ScheduledMessage(message, m -> execute(app, m));
        app.messages.put(message.id(), scheduled);
        scheduled.deadline(deadlines.schedule(() -> scheduled.stop("no result within " + messageTimeout.toMillis() + " ms"),
                messageTimeout.toMillis(), TimeUnit.MILLISECONDS));
        pool.start(scheduled.run);
    }

    private MessageResult execute(App app, ScheduledMessage scheduled) {
        Message message = scheduled.message;
        long start = System.currentTimeMillis();
        Observation observation;
        Map<String, byte[]> seeded = shared.seed();
        try {
            observation = executor.run(message, seeded, this);
            shared.writeBack(seeded, observation.filesAfter());
        } catch (InterruptedException | RuntimeException e) {
            observation = failed(message, scheduled.stopReason(e.toString()));
        }
        scheduled.ended();
        MessageResult finished = new MessageResult(message, observation, start, System.currentTimeMillis(),
                "worker-" + message.host(), List.copyOf(app.chainedIds.getOrDefault(message.id(), List.of())));
        app.results.add(finished);
        app.inFlight.decrementAndGet();
        synchronized (app) {
            app.notifyAll();
        }
        return finished;
    }

    /** A message the cluster could not finish, reported the way faabric's executor reports a throw. */
    private static Observation failed(Message message, String reason) {
        return new Observation(message.function(), message.funcPtr(), message.input(), Outcome.HOST_ERROR, 1,
                Observation.threwExceptionOutput(message.id(), reason),
                reason, new byte[0], new byte[0], message.host(), List.of(), Map.of(), List.of(), Timings.NONE);
    }

    @Override
    public void close() {
        stopRunning("the embedded cluster closed");
        pool.close();
        deadlines.shutdownNow();
    }
}
