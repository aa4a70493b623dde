package org.creditbank.ledger.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditbank.ledger.tools.LedgerHttp;
import org.creditbank.ledger.tools.intake.ImportKind;
import org.creditbank.ledger.tools.intake.Province;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What bringing history in costs, beside the plainest way to put the same rows into PostgreSQL: a generated province
 * imported by {@code ledger import} (validation, events, log leaves and the read models kept in the command's
 * transaction; then the log's sequencing and the trailing read models awaited), and a 10,000-row roster — each beside
 * a {@code COPY} of the very event rows they stored into a plain table (no index, no key), repeated and the median
 * taken. Runs against a running ledger on PostgreSQL (a scratch one: it stores a province), as an administrator of
 * the provincial centre.
 */
@Command(name = "bench-intake", description = {
        "Benchmark: a generated province imported, and a 10,000-row roster, each beside PostgreSQL COPY of the same"
                + " event rows into a plain table.",
        "Stores a province: use a scratch ledger on PostgreSQL; --token is an administrator of the provincial centre."})
public class IntakeBenchmark implements Callable<Integer> {

    @Mixin
    LedgerTarget target;

    @Mixin
    LedgerDatabase database;


    @Option(names = "--learners", defaultValue = "200000",
            description = "learners of the generated province (default: ${DEFAULT-VALUE}: a million achievements)")
    long learners;

    @Option(names = "--achievements-per-learner", defaultValue = "5", description = "(default: ${DEFAULT-VALUE})")
    int perLearner;

    @Option(names = "--roster-rows", defaultValue = "10000", description = "rows of the roster (default: ${DEFAULT-VALUE})")
    int rosterRows;

    @Option(names = "--repetitions", defaultValue = "3",
            description = "rosters and COPYs timed, the median taken (default: ${DEFAULT-VALUE})")
    int repetitions;

    @Spec
    CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("ledger-bench-intake-");
        try (Connection db = DriverManager.getConnection(database.url, database.user, database.password())) {
            Province.Expected expected = generate(dir);
            long before = maxGlobalIndex(db);
            long start = System.nanoTime();
            StringWriter importOut = new StringWriter();
            int exit = new CommandLine(new org.creditbank.ledger.tools.LedgerCli()).setOut(new PrintWriter(importOut))
                    .execute(importArgs(dir));
            long imported = System.nanoTime() - start;
            if (exit != 0 && exit != 3) {
                throw new IllegalStateException("the import stopped (exit " + exit + "): " + importOut);
            }
            long after = maxGlobalIndex(db);
            long events = countEvents(db, before, after);
            awaitSequenced(events + before, Duration.ofMinutes(30));
            long sequenced = System.nanoTime() - start;
            awaitTrailing(db, after, Duration.ofMinutes(30));
            long reflected = System.nanoTime() - start;
            double copyImport = medianCopyRowsPerSecond(db, before, after, dir);
            double importRows = expected.achievements() + expected.learners();
            out.printf("## (a) import of a generated province: %,d learners, %,d achievements (%,d rows refused)%n",
                    expected.learners(), expected.achievements(), expected.badLearners() + expected.badAchievements());
            out.println("| path | events | seconds | events/s | rows/s | ratio to COPY |");
            out.println("|---|---:|---:|---:|---:|---:|");
            out.printf("| import: validated, stored, in-transaction read models | %,d | %.1f | %,.0f | %,.0f | %.3f |%n",
                    events, seconds(imported), events / seconds(imported), importRows / seconds(imported),
                    events / seconds(imported) / copyImport);
            out.printf("| … and sequenced into the log | %,d | %.1f | %,.0f | | |%n", events, seconds(sequenced),
                    events / seconds(sequenced));
            out.printf("| … and reflected in every read model | %,d | %.1f | %,.0f | | |%n", events,
                    seconds(reflected), events / seconds(reflected));
            out.printf("| reference: COPY of the same event rows into a plain table (median of %d) | %,d | %.1f"
                    + " | %,.0f | | 1 |%n", repetitions, events, events / copyImport, copyImport);
            out.flush();

            List<Double> rosterRates = new ArrayList<>();
            List<Double> copyRates = new ArrayList<>();
            List<String> holders = holders(dir.resolve("learners.csv"), rosterRows);
            for (int r = 0; r < repetitions; r++) {
                long rosterBefore = maxGlobalIndex(db);
                long rosterStart = System.nanoTime();
                JsonNode answer = target.ledger().post("/api/branches/" + centre() + "/rosters",
                        Map.of("rows", roster(holders, r)));
                long rosterNanos = System.nanoTime() - rosterStart;
                long recorded = answer.get("recorded").asLong();
                rosterRates.add(recorded / seconds(rosterNanos));
                copyRates.add(medianCopyRowsPerSecond(db, rosterBefore, maxGlobalIndex(db), dir));
            }
            double roster = median(rosterRates);
            double copyRoster = median(copyRates);
            out.printf("## a roster of %,d rows (median of %d)%n", rosterRows, repetitions);
            out.println("| path | events/s | ratio to COPY |");
            out.println("|---|---:|---:|");
            out.printf("| roster: one request, every row validated and recorded | %,.0f | %.3f |%n", roster,
                    roster / copyRoster);
            out.printf("| reference: COPY of the same event rows into a plain table | %,.0f | 1 |%n", copyRoster);
            out.flush();
        } finally {
            deleteTree(dir);
        }
        return 0;
    }

    /** Writes the province's files with {@code ledger generate} and answers what importing them must give. */
    private Province.Expected generate(Path dir) throws IOException {
        StringWriter output = new StringWriter();
        int exit = new CommandLine(new org.creditbank.ledger.tools.LedgerCli()).setOut(new PrintWriter(output))
                .setErr(new PrintWriter(output)).execute("generate", "--learners", String.valueOf(learners),
                        "--achievements-per-learner", String.valueOf(perLearner), "--centre", centre(),
                        "--no-progress", "--out", dir.toString());
        if (exit != 0) {
            throw new IllegalStateException("generate failed: " + output);
        }
        return json.readValue(dir.resolve("expected.json").toFile(), Province.Expected.class);
    }

    private String[] importArgs(Path dir) {
        List<String> args = new ArrayList<>(List.of("import", "--url", target.url, "--token", target.token,
                "--no-progress", "--report", dir.resolve("report.csv").toString()));
        if (target.branch != null) {
            args.addAll(List.of("--branch", target.branch));
        }
        for (ImportKind kind : ImportKind.values()) {
            args.addAll(List.of("--" + kind.path(), dir.resolve(kind.path() + ".csv").toString()));
        }
        return args.toArray(String[]::new);
    }

    /** The provincial centre the administrator acts for. */
    private String centre() {
        return target.branch != null ? target.branch : "ZJ-CENTRE";
    }

    /** The identity documents of the first {@code n} learners of the file (the roster's holders, in turn). */
    private static List<String> holders(Path learnersCsv, int n) throws IOException {
        List<String> holders = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(learnersCsv, StandardCharsets.UTF_8)) {
            List<String> header = Arrays.asList(reader.readLine().split(","));
            int id = header.indexOf("idDocumentNumber");
            for (String line; holders.size() < n && (line = reader.readLine()) != null; ) {
                holders.add(line.split(",")[id]);
            }
        }
        return holders;
    }

    private static List<Map<String, Object>> roster(List<String> holders, int repetition) {
        List<Map<String, Object>> rows = new ArrayList<>();
        long stamp = System.currentTimeMillis();
        for (int i = 0; i < holders.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("row", i + 1);
            row.put("idDocumentType", "RESIDENT_ID");
            row.put("idDocumentNumber", holders.get(i));
            row.put("kind", "ONLINE_COURSE");
            row.put("title", "数据分析入门");
            row.put("awardingBody", "浙江省在线学习平台");
            row.put("achievedOn", "2026-06-30");
            row.put("evidenceSha256", "0".repeat(64));
            row.put("evidenceMediaType", "application/pdf");
            row.put("credits", "12");
            row.put("creditUnit", "HOURS");
            row.put("externalIssuer", "BENCH-ROSTER");
            row.put("externalId", stamp + "-" + repetition + "-" + i);
            rows.add(row);
        }
        return rows;
    }

    /** The median over the repetitions of rows per second a COPY of the events in (from, to] into a plain table. */
    private double medianCopyRowsPerSecond(Connection db, long from, long to, Path dir) throws SQLException, IOException {
        Path rows = dir.resolve("events.copy");
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(rows), 1 << 20)) {
            copy.copyOut("COPY (SELECT * FROM domain_event_entry WHERE global_index > " + from
                    + " AND global_index <= " + to + ") TO STDOUT (FORMAT binary)", file);
        }
        long count = countEvents(db, from, to);
        List<Double> rates = new ArrayList<>();
        try (Statement statement = db.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_copy_reference");
            statement.execute("CREATE TABLE bench_copy_reference (LIKE domain_event_entry)");
            try {
                for (int r = 0; r < repetitions; r++) {
                    statement.execute("TRUNCATE bench_copy_reference");
                    long start = System.nanoTime();
                    try (InputStream in = Files.newInputStream(rows)) {
                        copy.copyIn("COPY bench_copy_reference FROM STDIN (FORMAT binary)", in, 1 << 20);
                    }
                    rates.add(count / seconds(System.nanoTime() - start));
                }
            } finally {
                statement.execute("DROP TABLE bench_copy_reference");
            }
        }
        Files.deleteIfExists(rows);
        return median(rates);
    }

    private static long maxGlobalIndex(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long countEvents(Connection db, long from, long to) throws SQLException {
        try (Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM domain_event_entry WHERE global_index > "
                     + from + " AND global_index <= " + to)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static final Pattern TREE_SIZE = Pattern.compile("\\n(\\d+)\\n");

    /** Waits until a signed checkpoint covers at least {@code leaves} leaves. */
    private void awaitSequenced(long leaves, Duration within) throws Exception {
        LedgerHttp ledger = target.ledger();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher size = TREE_SIZE.matcher(ledger.get("/log/checkpoint"));
            if (size.find() && Long.parseLong(size.group(1)) >= leaves) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the log did not take in " + leaves + " leaves within " + within);
    }

    private static final Pattern GLOBAL_INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    /** Waits until every trailing processor's token (statistics, conversion statistics) is at {@code head}. */
    private static void awaitTrailing(Connection db, long head, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            boolean behind = false;
            try (Statement statement = db.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT processor_name, token FROM token_entry WHERE"
                         + " processor_name LIKE 'statistics%' OR processor_name LIKE 'conversion-statistics%'")) {
                while (rs.next()) {
                    byte[] token = rs.getBytes(2);
                    Matcher index = GLOBAL_INDEX.matcher(token == null ? "" : new String(token, StandardCharsets.UTF_8));
                    long at = index.find() ? Long.parseLong(index.group(1)) : -1;
                    behind |= at < head;
                }
            }
            if (!behind) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the trailing read models did not reach event " + head + " within " + within);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
