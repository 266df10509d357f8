package org.faasm.conformance.faasm;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A Faasm cluster started from {@code docker/docker-compose.yml} with Testcontainers, once per run,
 * for one WebAssembly VM. Waits for the upload server's {@code /ping} and the planner's port; when the
 * start fails, the services' logs are kept in the reports folder.
 */
final class ComposeCluster implements AutoCloseable {
    static final int UPLOAD_PORT = 8002;
    static final int PLANNER_PORT = 8080;
    private static final List<String> SERVICES = List.of("planner", "upload", "worker", "minio", "redis-state", "redis-queue");
    private static final Duration STARTUP = Duration.ofMinutes(5);
    /**
     * Compose runs in this image, so only a Docker engine is needed, not a compose binary; named, since a bare
     * file would mean the host's own {@code docker compose}. Its API (1.44) is the oldest that Docker 29 accepts.
     */
    private static final DockerImageName COMPOSE_IMAGE = DockerImageName.parse("docker:25.0.5");

    private final ComposeContainer compose;
    private final Path logDir;

    ComposeCluster(Path composeFile, String wasmVm, Path logDir) {
        this.logDir = logDir;
        this.compose = new ComposeContainer(COMPOSE_IMAGE, composeFile.toFile())
                .withEnv("FAASM_WASM_VM", wasmVm)
                .withExposedService("upload", UPLOAD_PORT, Wait.forHttp("/ping").forStatusCode(200).withStartupTimeout(STARTUP))
                .withExposedService("planner", PLANNER_PORT, Wait.forListeningPort().withStartupTimeout(STARTUP));
    }

    FaasmEndpoints start() {
        try {
            compose.start();
        } catch (RuntimeException e) {
            String kept = keepLogs();
            throw new IllegalStateException("the Faasm cluster did not start: " + e.getMessage() + kept, e);
        }
        return new FaasmEndpoints(endpoint("planner", PLANNER_PORT), endpoint("upload", UPLOAD_PORT));
    }

    /** Writes each service's log to the log folder; returns a note saying where, for the error. */
    String keepLogs() {
        try {
            Files.createDirectories(logDir);
            for (String service : SERVICES) {
                var container = compose.getContainerByServiceName(service);
                if (container.isPresent()) {
                    Files.writeString(logDir.resolve(service + ".log"), container.get().getLogs());
                }
            }
            return "; service logs in " + logDir;
        } catch (IOException | RuntimeException e) {
            return "; the service logs could not be kept: " + e.getMessage();
        }
    }

    private java.net.URI endpoint(String service, int port) {
        return java.net.URI.create("http://" + compose.getServiceHost(service, port) + ":" + compose.getServicePort(service, port));
    }

    @Override
    public void close() {
        compose.stop();
    }

    static Path composeFile(Path projectRoot) {
        return projectRoot.resolve("docker").resolve("docker-compose.yml");
    }

    static boolean exists(Path composeFile) {
        return new File(composeFile.toString()).isFile();
    }
}
