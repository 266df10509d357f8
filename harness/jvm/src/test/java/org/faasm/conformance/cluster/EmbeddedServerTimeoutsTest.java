package org.faasm.conformance.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.faasm.conformance.support.LoopbackHttp;
import org.junit.jupiter.api.Test;

/** Clients that never finish their requests cannot hold the embedded cluster's servers. */
class EmbeddedServerTimeoutsTest {
    private static final int SLOW_CLIENTS = 200;
    /** The stated bound: the read timeout and the server's timer period, with a wide margin for a loaded machine. */
    private static final Duration DROPPED_WITHIN = Duration.ofSeconds(LoopbackHttp.READ_TIMEOUT_SECONDS * 4L);

    @Test
    void clientsThatDeclareABodyAndSendOneKibAreDroppedWithinTheReadTimeout() throws Exception {
        EmbeddedCluster cluster = EmbeddedCluster.start(1, Duration.ofSeconds(10));
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                // Half declare more than the upload server takes (refused before a byte is read), half a body it would read.
                long declared = i % 2 == 0 ? 2L << 30 : 1 << 20;
                clients.add(slowPut(cluster.uploadUri(), "/s/demo/k" + i, declared));
            }
            long start = System.nanoTime();
            assertThat(awaitDropped(clients, DROPPED_WITHIN)).as("connections still open after %s", DROPPED_WITHIN).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DROPPED_WITHIN);
            HttpResponse<String> ping = HttpClient.newHttpClient().send(HttpRequest.newBuilder(cluster.uploadUri().resolve("/ping"))
                    .timeout(DROPPED_WITHIN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ping.body()).isEqualTo("PONG");
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
        assertThatThrownBy(cluster::close).isInstanceOf(StrictModeViolation.class).hasMessageContaining("a body larger than");
    }

    private static Socket slowPut(URI server, String path, long declaredLength) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getPort());
        socket.getOutputStream().write(("PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.getPort() + "\r\nContent-Length: " + declaredLength + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(new byte[1024]);
        socket.getOutputStream().flush();
        return socket;
    }

    /** Reads every connection until the server closes it; how many are still open at the deadline. */
    private static int awaitDropped(List<Socket> clients, Duration deadline) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        List<Socket> open = new ArrayList<>(clients);
        while (!open.isEmpty() && System.nanoTime() < end) {
            open.removeIf(EmbeddedServerTimeoutsTest::closedByServer);
            Thread.sleep(100);
        }
        return open.size();
    }

    private static boolean closedByServer(Socket socket) {
        try {
            socket.setSoTimeout(1);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (true) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
