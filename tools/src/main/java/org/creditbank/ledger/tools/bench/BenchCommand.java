package org.creditbank.ledger.tools.bench;

import org.creditbank.ledger.tools.LedgerHttp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every benchmark in one run, each path beside its reference on the same data, on a ledger this command starts: the
 * development identity provider (a server on the embedded default) and a ledger on a fresh PostgreSQL database that
 * it creates and drops. In order: (a) a generated province imported and a roster, beside {@code COPY} of the same
 * event rows; (b) single recordings over HTTP from concurrent clients, beside Axon's stock command gateway on the same
 * database; (c) a full rebuild beside Axon's stock and tuned replays, and (d) archive reads at a fixed rate
 * ({@code bench-read-models}); (e) inclusion proofs at a large tree and a verified archive produced and verified
 * ({@code bench-stored-proofs}, {@code bench-archive}). Medians of the repetitions and ratios are printed with a
 * description of the machine; {@code --write} appends them to a file (docs/performance.md).
 */
@Command(name = "bench", description = {
        "Run every benchmark once, each path beside its reference, on a ledger this command starts (PostgreSQL:"
                + " a fresh database it creates and drops), and print medians and ratios with the machine described.",
        "--small runs it in seconds (tiny sizes, one repetition: what the test suite does). Exit codes: 0 done,"
                + " 1 a benchmark failed, 2 bad usage."})
public class BenchCommand implements Callable<Integer> {

    private static final String SERVER_MAIN = "org.creditbank.ledger.api.LedgerServer";

    @Option(names = "--server-jar", defaultValue = "ledger-api/target/ledger-api-0.1.0-SNAPSHOT-exec.jar",
            description = "the ledger server to start (default: ${DEFAULT-VALUE})")
    Path serverJar;

    @Option(names = "--server-class-path", paramLabel = "CP",
            description = "start the server from this class path instead of --server-jar")
    String serverClassPath;

    @Option(names = "--db-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/postgres",
            description = "a PostgreSQL database to create the benchmark's database from (default: ${DEFAULT-VALUE})")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "postgres", description = "(default: ${DEFAULT-VALUE})")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:LEDGER_DB_PASSWORD}", description = "database password")
    String dbPassword;

    @Option(names = "--learners", defaultValue = "200000",
            description = "learners of the imported province, five achievements each (default: ${DEFAULT-VALUE})")
    long learners;

    @Option(names = "--rebuild-learners", defaultValue = "250000",
            description = "learners bench-read-models generates, four achievements each, before it rebuilds"
                    + " (default: ${DEFAULT-VALUE})")
    long rebuildLearners;

    @Option(names = "--seconds", defaultValue = "20",
            description = "seconds of each timed load: recordings, their reference, archive reads (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--repetitions", defaultValue = "3", description = "(default: ${DEFAULT-VALUE})")
    int repetitions;

    @Option(names = "--small", description = "tiny sizes and one repetition: an end-to-end check, not a measurement")
    boolean small;

    @Option(names = "--write", paramLabel = "FILE", description = "append the results to FILE (docs/performance.md)")
    Path write;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (small) {
            learners = Math.min(learners, 60);
            rebuildLearners = Math.min(rebuildLearners, 50);
            seconds = Math.min(seconds, 2);
            repetitions = 1;
        }
        StringWriter report = new StringWriter();
        // Everything printed goes to the report (for --write) and, as it comes, to the terminal.
        PrintWriter terminal = spec.commandLine().getOut();
        PrintWriter out = new PrintWriter(new java.io.Writer() {
            @Override
            public void write(char[] text, int offset, int length) {
                report.write(text, offset, length);
                terminal.write(text, offset, length);
            }

            @Override
            public void flush() {
                terminal.flush();
            }

            @Override
            public void close() {
                terminal.flush();
            }
        }, true);
        String database = "ledger_bench_" + Long.toHexString(System.nanoTime());
        String password = dbPassword == null ? "" : dbPassword;
        try (Connection admin = DriverManager.getConnection(dbUrl, dbUser, password)) {
            out.println("## `ledger bench`, " + Instant.now() + (small ? " (--small: a check, not a measurement)" : ""));
            out.println();
            out.println(machine(admin));
            try (Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
            String benchUrl = dbUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + database);
            try {
                run(out, benchUrl, password);
            } finally {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("DROP DATABASE " + database + " WITH (FORCE)");
                }
            }
        }
        if (write != null) {
            Files.writeString(write, "\n" + report, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return 0;
    }

    private void run(PrintWriter out, String benchUrl, String password) throws Exception {
        Path keys = Files.createTempDirectory("ledger-bench-keys-");
        try (LocalLedger provider = LocalLedger.start(launch(), Map.of())) {
            for (String file : List.of("identity.key", "personal-data.key")) {
                quiet("identity-key", "--out", keys.resolve(file).toString());
            }
            quiet("log-key", "--origin", "ledger.creditbank.local/log", "--out", keys.resolve("log.key").toString());
            Map<String, String> settings = Map.of("LEDGER_DB_URL", benchUrl, "LEDGER_DB_USER", dbUser,
                    "LEDGER_DB_PASSWORD", password, "LEDGER_IDENTITY_ISSUER", provider.url(),
                    "LEDGER_IDENTITY_KEY_FILE", keys.resolve("identity.key").toString(),
                    "LEDGER_PERSONAL_DATA_KEY_FILE", keys.resolve("personal-data.key").toString(),
                    "LEDGER_LOG_SIGNING_KEY_FILE", keys.resolve("log.key").toString());
            try (LocalLedger ledger = LocalLedger.start(launch(), settings)) {
                String operator = provider.signIn("admin");
                install(ledger.url(), operator);
                String centreAdministrator = provider.signIn("erin");

                out.println();
                section(out, "(a) import and roster", "bench-intake", "--url", ledger.url(), "--token",
                        centreAdministrator, "--db-url", benchUrl, "--db-user", dbUser, "--db-password", password,
                        "--learners", String.valueOf(learners), "--roster-rows", small ? "50" : "10000",
                        "--repetitions", String.valueOf(repetitions));

                // The province's Hangzhou branch: o1 records, o2 certifies.
                String officer = provider.signIn("legacy-m-hz-o1");
                String certifier = provider.signIn("legacy-m-hz-o2");
                recordings(out, ledger.url(), officer, benchUrl, password);

                section(out, "(c) full rebuild beside Axon's replays, (d) archive reads", "bench-read-models", "--url",
                        ledger.url(), "--token", officer, "--certifier-token", certifier, "--operator-token", operator,
                        "--db-url", benchUrl, "--db-user", dbUser, "--db-password", password,
                        "--learners", String.valueOf(rebuildLearners), "--rate", small ? "20" : "500",
                        "--seconds", String.valueOf(seconds));
                section(out, "(e) inclusion proofs from PostgreSQL", "bench-stored-proofs", "--db-url", benchUrl,
                        "--db-user", dbUser, "--tree", small ? "2000" : "10000000", "--proofs", small ? "20" : "2000");
                section(out, "(e) a learner's verified archive, produced and verified offline", "bench-archive",
                        "--url", ledger.url(), "--token", officer, "--certifier-token", certifier,
                        "--achievements", small ? "5" : "200", "--samples", small ? "10" : "100");
            }
        } finally {
            try (var files = Files.walk(keys)) {
                for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** (b): single recordings from eight clients over HTTP, beside Axon's stock gateway, alternately. */
    private void recordings(PrintWriter out, String url, String officer, String benchUrl, String password)
            throws Exception {
        int clients = 8;
        Duration each = Duration.ofSeconds(seconds);
        List<Double> ledgerRates = new ArrayList<>();
        List<Double> p99s = new ArrayList<>();
        List<Double> stockRates = new ArrayList<>();
        for (int r = 0; r < repetitions; r++) {
            double[] ledger = httpRecordings(url, officer, clients, each);
            ledgerRates.add(ledger[0]);
            p99s.add(ledger[1]);
            stockRates.add(StockGatewayReference.eventsPerSecond(benchUrl, dbUser, password, clients, each));
        }
        double ledger = IntakeBenchmark.median(ledgerRates);
        double stock = IntakeBenchmark.median(stockRates);
        out.println();
        out.println("## (b) single recordings, " + clients + " clients, " + each.toSeconds() + " s each (median of "
                + repetitions + ")");
        out.println("| path | events/s | p99 ms | ratio to the stock gateway |");
        out.println("|---|---:|---:|---:|");
        out.println(String.format("| ledger: POST achievements over HTTP (authentication, rules, registers,"
                + " in-transaction read models, idempotency) | %,.0f | %.1f | %.3f |", ledger,
                IntakeBenchmark.median(p99s), ledger / stock));
        out.println(String.format("| reference: Axon's stock command gateway, one event per command, same database"
                + " | %,.0f | | 1 |", stock));
    }

    /** Events per second and the p99 in milliseconds of {@code clients} officers recording on learners of their own. */
    private static double[] httpRecordings(String url, String token, int clients, Duration duration)
            throws Exception {
        LedgerHttp ledger = new LedgerHttp(url, token, null);
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            learners.add(ledger.openAccount());
        }
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> work = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            String learner = learners.get(t);
            String prefix = "BENCH-" + start + "-" + t + "-";
            work.add(pool.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    long began = System.nanoTime();
                    ledger.record(learner, prefix + i);
                    latencies.add(System.nanoTime() - began);
                }
                return null;
            }));
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (Future<?> future : work) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new double[]{sorted.size() / seconds, Percentiles.millis(sorted, 99)};
    }

    /** Runs a benchmark command and prints its output under a heading; a failure stops the run. */
    private void section(PrintWriter out, String title, String... args) {
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        int exit = new CommandLine(new org.creditbank.ledger.tools.LedgerCli()).setOut(new PrintWriter(output))
                .setErr(new PrintWriter(errors)).execute(args);
        out.println();
        out.println("## " + title + " (`" + args[0] + "`)");
        output.toString().lines().forEach(out::println);
        if (exit != 0) {
            throw new IllegalStateException(args[0] + " failed (exit " + exit + "): " + errors.toString().strip());
        }
    }

    private static void quiet(String... args) {
        StringWriter output = new StringWriter();
        int exit = new CommandLine(new org.creditbank.ledger.tools.LedgerCli()).setOut(new PrintWriter(output))
                .setErr(new PrintWriter(output)).execute(args);
        if (exit != 0) {
            throw new IllegalStateException(args[0] + " failed: " + output);
        }
    }

    /** Registers the provincial centre and appoints erin, its administrator, as the operator installs a ledger. */
    private static void install(String url, String operatorToken) throws Exception {
        LedgerHttp operator = new LedgerHttp(url, operatorToken, null);
        operator.post("/api/branches", Map.of("code", "ZJ-CENTRE", "name", "Zhejiang Credit Bank", "tier",
                "PROVINCIAL_CENTRE", "divisionCode", "330000"));
        operator.post("/api/branches/ZJ-CENTRE/officers", Map.of("officerId", "erin", "name", "Erin Zhao", "subject",
                "erin", "roles", List.of("ADMINISTRATOR", "OFFICER", "CERTIFIER")));
    }

    private List<String> launch() {
        return serverClassPath != null ? List.of("-cp", serverClassPath, SERVER_MAIN)
                : List.of("-jar", serverJar.toString());
    }

    /** Cores, memory, processor, Java, operating system and PostgreSQL, as this run saw them. */
    private static String machine(Connection admin) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String cpu = "";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("");
        }
        String postgres;
        try (Statement statement = admin.createStatement(); ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            postgres = rs.getString(1);
        }
        return String.format("Machine: %d cores%s, %.1f GiB memory, Java %s (%s), %s %s, PostgreSQL %s.",
                Runtime.getRuntime().availableProcessors(), cpu.isEmpty() ? "" : " (" + cpu + ")",
                os.getTotalMemorySize() / (double) (1L << 30), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.version"),
                postgres);
    }
}
