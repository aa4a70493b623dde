package org.creditbank.ledger.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The ledger server in a process of its own, configured by LEDGER_* environment variables, as an operator runs it. */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    final Http http;

    private ServerProcess(Process process, Path log, int port, Identity identity) {
        this.process = process;
        this.log = log;
        this.http = new Http("http://127.0.0.1:" + port, identity);
    }

    /**
     * The LEDGER_* variables of a server on a fresh schema of the {@code test} database, with its keys and a fresh
     * data folder; the schema is created here, and the caller drops it ({@link #dropSchema}).
     */
    static Map<String, String> onFreshPostgresSchema(String schema) {
        RunningLedger.postgresAdmin().execute("CREATE SCHEMA " + schema);
        Map<String, String> environment = new java.util.HashMap<>(RunningLedger.keyEnvironment());
        try {
            environment.putAll(Map.of("LEDGER_DB_URL", RunningLedger.POSTGRES_URL + "?currentSchema=" + schema,
                    "LEDGER_DB_USER", RunningLedger.POSTGRES_USER, "LEDGER_DB_PASSWORD", "",
                    "LEDGER_DATA_DIR", Files.createTempDirectory("ledger-process-").toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return environment;
    }

    /** Drops a schema made by {@link #onFreshPostgresSchema}. */
    static void dropSchema(String schema) {
        RunningLedger.postgresAdmin().execute("DROP SCHEMA " + schema + " CASCADE");
    }

    /** Starts the server with these LEDGER_* variables (and a free LEDGER_PORT) and waits until it is healthy. */
    static ServerProcess start(Map<String, String> environment) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile("ledger-server-", ".log");
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LedgerServer.class.getName())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("LEDGER_PORT", String.valueOf(port));
            builder.environment().put("SPRING_APPLICATION_JSON", Http.JSON.writeValueAsString(Identity.settings()));
            Identity identity;
            if (environment.containsKey("LEDGER_DB_URL")) {
                identity = Identity.shared();
                builder.environment().put("LEDGER_IDENTITY_ISSUER", identity.issuer().toString());
            } else {
                identity = new Identity(java.net.URI.create("http://localhost:" + port),
                        Path.of(environment.getOrDefault("LEDGER_DATA_DIR", "ledger-data")));
            }
            ServerProcess server = new ServerProcess(builder.start(), log, port, identity);
            Await.until("the server to answer /actuator/health", Duration.ofSeconds(90), server::health,
                    status -> status == 200);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int health() {
        if (!process.isAlive()) {
            throw new AssertionError("the server exited: " + output());
        }
        try {
            return http.get("/actuator/health").status();
        } catch (UncheckedIOException notYetListening) {
            return 0;
        }
    }

    /** The process id: Axon names a node's token claims {@code pid@host}. */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process outright (SIGKILL): no shutdown hook, no graceful anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
