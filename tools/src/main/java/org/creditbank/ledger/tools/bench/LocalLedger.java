package org.creditbank.ledger.tools.bench;

import org.creditbank.ledger.tools.DevelopmentSignIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A ledger server started by a benchmark: the server's jar in a process of its own, on the embedded default in a
 * fresh temporary data folder, on a free port, with the development identity provider. Closing it stops the server
 * and deletes the folder.
 */
public final class LocalLedger implements AutoCloseable {

    private static final Duration START = Duration.ofMinutes(3);

    private final Process process;
    private final Path data;
    private final int port;

    private LocalLedger(Process process, Path data, int port) {
        this.process = process;
        this.data = data;
        this.port = port;
    }

    /** Starts the server jar with these extra LEDGER_* variables and waits until it answers its health check. */
    static LocalLedger start(Path jar, Map<String, String> settings) throws IOException, InterruptedException {
        return start(List.of("-jar", jar.toString()), settings);
    }

    /**
     * Starts the server — {@code launch}: the java arguments that run it, {@code -jar} and the jar, or {@code -cp},
     * a class path and the server's main class — with these extra LEDGER_* variables, and waits until it answers its
     * health check.
     */
    static LocalLedger start(List<String> launch, Map<String, String> settings) throws IOException,
            InterruptedException {
        Path data = Files.createTempDirectory("ledger-bench-");
        int port = freePort();
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LEDGER_"));
        builder.environment().putAll(settings);
        builder.environment().put("LEDGER_PORT", String.valueOf(port));
        builder.environment().put("LEDGER_DATA_DIR", data.toString());
        // One officer sends every timed request: the per-principal rate limit would be what is measured.
        builder.environment().put("LEDGER_RATE_LIMIT_PER_MINUTE", "0");
        LocalLedger ledger = new LocalLedger(builder.start(), data, port);
        ledger.awaitHealthy();
        return ledger;
    }

    /** Where it answers, which is also its development identity provider's issuer. */
    String url() {
        return "http://localhost:" + port;
    }

    /** An access token for {@code user} from the server's development identity provider (one sign-in each). */
    String signIn(String user) throws IOException {
        String password = Files.readString(data.resolve("identity").resolve("development-password"),
                StandardCharsets.US_ASCII).strip();
        return new DevelopmentSignIn(URI.create(url())).signIn(user, password);
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).GET().build();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the ledger server exited at start:\n" + log());
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("the ledger server did not answer its health check within " + START);
    }

    private String log() throws IOException {
        return Files.readString(data.resolve("server.log"));
    }

    /** The last lines the server wrote, to explain a failed run. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(data.resolve("server.log"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
