package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.creditbank.ledger.log.NoteKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ledger generate} and {@code ledger import} as processes against a running ledger: a generated province comes
 * in to exactly the counts its files promise, its bad rows in the report and nothing of them stored, every event in
 * the verified log and the replay equal to the live read models; an import killed with SIGKILL and run again stores
 * every valid row exactly once.
 */
class ImportProcessTest {

    /** The (rule, field) each kind of deliberate fault of the generator is refused with. */
    private static final Map<String, String> REFUSED_AS = Map.of(
            "learner-check-character", "invalid-field idDocumentNumber",
            "learner-birth-date", "invalid-field birthDate",
            "learner-name", "invalid-field fullName",
            "achievement-in-future", "invalid-field achievedOn",
            "achievement-kind", "invalid-field kind",
            "achievement-credits", "invalid-field credits",
            "achievement-four-eyes", "certifier-is-recorder decidedBy",
            "achievement-holder", "no-account-for-identity idDocumentNumber",
            "achievement-malformed", "malformed-row ");

    @TempDir
    Path dir;

    @Test
    void a_generated_province_of_ten_thousand_learners_comes_in_as_its_files_say_with_its_bad_rows_reported()
            throws Exception {
        try (RunningLedger ledger = RunningLedger.onPostgres()) {
            Http http = ledger.http();
            Scenario.installCentreAndCity(http);
            long installed = ledger.eventCount();
            JsonNode expected = generate("--learners", "10000", "--achievements-per-learner", "2", "--seed", "11",
                    "--bad-rows", "0.01");

            LedgerCliProcess.Run run = LedgerCliProcess.ledger(importArgs(http, 2000));
            assertThat(run.exit()).as(run.err()).isEqualTo(3);
            assertThat(run.out()).contains("learners: 10000 rows: " + expected.get("learners").asLong()
                    + " imported, 0 already imported, " + expected.get("badLearners").asLong() + " refused");

            assertImported(ledger, expected, installed);
            assertThat(reportedFaults()).isEqualTo(expectedFaults(expected));

            String key = http.get("/log/key").text().strip();
            VerifiableLogTest.awaitCheckpoint(http, NoteKeys.Verifier.parse(key), ledger.eventCount());
            assertThat(ledger.jdbc().queryForObject("SELECT COUNT(*) FROM log_leaf", Long.class))
                    .isEqualTo(ledger.eventCount());
            LedgerCliProcess.Run verified = LedgerCliProcess.ledger("verify-log", "--db-url", ledger.jdbcUrl(),
                    "--db-user", RunningLedger.POSTGRES_USER, "--key", key);
            assertThat(verified.exit()).as(verified.err()).isZero();
            LedgerCliProcess.Run replay = LedgerCliProcess.ledger("replay-check", "--url", http.base(), "--token",
                    http.identity().token(Identity.AUDITOR));
            assertThat(replay.exit()).as(replay.out() + replay.err()).isZero();

            long events = ledger.eventCount();
            LedgerCliProcess.Run again = LedgerCliProcess.ledger(importArgs(http, 2000));
            assertThat(again.exit()).isEqualTo(3);
            assertThat(ledger.eventCount()).as("a finished import run again sends nothing").isEqualTo(events);
        }
    }

    @Test
    void an_import_killed_mid_file_and_run_again_stores_every_valid_row_exactly_once() throws Exception {
        try (RunningLedger ledger = RunningLedger.embedded()) {
            Http http = ledger.http();
            Scenario.installCentreAndCity(http);
            long installed = ledger.eventCount();
            JsonNode expected = generate("--learners", "300", "--achievements-per-learner", "4", "--seed", "5",
                    "--bad-rows", "0.03");

            List<String> command = LedgerCliProcess.command(importArgs(http, 40));
            Process first = new ProcessBuilder(command).redirectOutput(dir.resolve("first.out").toFile())
                    .redirectError(dir.resolve("first.err").toFile()).start();
            Path state = dir.resolve("report.csv.state");
            Await.until("the import has begun its learners", Duration.ofSeconds(120),
                    () -> read(state), text -> text.contains("\"learners\""));
            // The ledger serves its branches meanwhile: an account opened, an achievement recorded and certified.
            String served = Scenario.openAccount(http, Scenario.ALICE, "Served Meanwhile");
            String achievement = Scenario.record(http, Scenario.ALICE, served, Scenario.course("SERVED-1", "2"));
            assertThat(http.post("/api/learners/" + served + "/achievements/" + achievement + "/certification", "",
                    Scenario.BOB).status()).isEqualTo(200);
            long servedEvents = 3;
            Await.until("the import has answered some achievements", Duration.ofSeconds(120),
                    () -> read(state), text -> text.contains("\"achievements\""));
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ledger.jdbc().queryForObject("SELECT COUNT(*) FROM achievement", Long.class))
                    .as("killed part-way").isLessThan(expected.get("achievements").asLong());

            LedgerCliProcess.Run again = LedgerCliProcess.ledger(importArgs(http, 40));
            assertThat(again.exit()).as(again.err()).isEqualTo(3);
            assertImported(ledger.jdbc(), expected, installed + servedEvents, 1);
            assertThat(reportedFaults()).isEqualTo(expectedFaults(expected));
        }
    }

    @Test
    void the_server_killed_mid_import_and_started_again_the_same_command_stores_every_valid_row_exactly_once()
            throws Exception {
        String schema = "it_import_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, String> environment = ServerProcess.onFreshPostgresSchema(schema);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(RunningLedger.POSTGRES_URL
                + "?currentSchema=" + schema, RunningLedger.POSTGRES_USER, ""));
        try {
            JsonNode expected = generate("--learners", "200", "--achievements-per-learner", "4", "--seed", "9",
                    "--bad-rows", "0.03");
            long installed;
            Process importing;
            try (ServerProcess server = ServerProcess.start(environment)) {
                Scenario.installCentreAndCity(server.http);
                installed = events(jdbc);
                importing = new ProcessBuilder(LedgerCliProcess.command(importArgs(server.http, 20)))
                        .redirectOutput(dir.resolve("first.out").toFile())
                        .redirectError(dir.resolve("first.err").toFile()).start();
                Await.until("the import has answered some achievements", Duration.ofSeconds(120),
                        () -> read(dir.resolve("report.csv.state")), text -> text.contains("\"achievements\""));
                server.kill();
            }
            assertThat(importing.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(importing.exitValue()).isEqualTo(1);
            assertThat(Files.readString(dir.resolve("first.err"))).contains("run the same command again to resume");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM achievement", Long.class))
                    .as("stopped part-way").isLessThan(expected.get("achievements").asLong());

            try (ServerProcess again = ServerProcess.start(environment)) {
                LedgerCliProcess.Run resumed = LedgerCliProcess.ledger(importArgs(again.http, 20));
                assertThat(resumed.exit()).as(resumed.err()).isEqualTo(3);
                assertImported(jdbc, expected, installed);
                assertThat(reportedFaults()).isEqualTo(expectedFaults(expected));
            }
        } finally {
            ServerProcess.dropSchema(schema);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            // Between the state file's replacement and its move: read again at the next poll.
            return "";
        }
    }

    private JsonNode generate(String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("generate", "--out", dir.toString()));
        args.addAll(List.of(options));
        LedgerCliProcess.Run generated = LedgerCliProcess.ledger(args.toArray(String[]::new));
        assertThat(generated.exit()).as(generated.err()).isZero();
        return new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
    }

    private String[] importArgs(Http http, int batchRows) {
        return new String[]{"import", "--url", http.base(), "--token", http.identity().token("erin"),
                "--branches", dir.resolve("branches.csv").toString(),
                "--officers", dir.resolve("officers.csv").toString(),
                "--learners", dir.resolve("learners.csv").toString(),
                "--achievements", dir.resolve("achievements.csv").toString(),
                "--report", dir.resolve("report.csv").toString(), "--batch-rows", String.valueOf(batchRows)};
    }

    /** Accounts, achievements by status, certified credits by unit and events: exactly the generator's count. */
    private static void assertImported(RunningLedger ledger, JsonNode expected, long installed) {
        assertImported(ledger.jdbc(), expected, installed, 0);
    }

    private static void assertImported(JdbcTemplate jdbc, JsonNode expected, long installed) {
        assertImported(jdbc, expected, installed, 0);
    }

    /** As the files promise, beside {@code servedAccounts} accounts opened (with one certified course each). */
    private static void assertImported(JdbcTemplate jdbc, JsonNode expected, long installed, long servedAccounts) {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM learner_account", Long.class))
                .isEqualTo(expected.get("learners").asLong() + servedAccounts);
        Map<String, Long> byStatus = new TreeMap<>();
        jdbc.query("SELECT status, COUNT(*) FROM achievement GROUP BY status",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> byStatus.put(rs.getString(1), rs.getLong(2)));
        Map<String, Long> expectedByStatus = new TreeMap<>();
        expected.get("achievementsByStatus").fields().forEachRemaining(e -> expectedByStatus.put(e.getKey(),
                e.getValue().asLong()));
        if (servedAccounts > 0) {
            expectedByStatus.merge("CERTIFIED", servedAccounts, Long::sum);
        }
        assertThat(byStatus).isEqualTo(expectedByStatus);
        Map<String, BigDecimal> credits = new TreeMap<>();
        jdbc.query("SELECT credit_unit, SUM(credits) FROM achievement WHERE status = 'CERTIFIED'"
                + " GROUP BY credit_unit", (org.springframework.jdbc.core.RowCallbackHandler) rs ->
                credits.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros()));
        Map<String, BigDecimal> expectedCredits = new TreeMap<>();
        expected.get("creditsByUnit").fields().forEachRemaining(e -> expectedCredits.put(e.getKey(),
                e.getValue().decimalValue().stripTrailingZeros()));
        if (servedAccounts > 0) {
            expectedCredits.merge("BANK_CREDIT", BigDecimal.valueOf(2 * servedAccounts), BigDecimal::add);
            expectedCredits.replaceAll((unit, amount) -> amount.stripTrailingZeros());
        }
        assertThat(credits).isEqualTo(expectedCredits);
        assertThat(events(jdbc) - installed).isEqualTo(expected.get("events").asLong());
    }

    private static long events(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    /** The report's refusals counted by rule and field. */
    private Map<String, Long> reportedFaults() throws IOException {
        Map<String, Long> faults = new TreeMap<>();
        File report = dir.resolve("report.csv").toFile();
        try (var rows = new CsvMapper().readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .<List<String>>readValues(report)) {
            rows.next();
            while (rows.hasNext()) {
                List<String> row = rows.next();
                faults.merge(row.get(2) + " " + row.get(3), 1L, Long::sum);
            }
        }
        return faults;
    }

    private static Map<String, Long> expectedFaults(JsonNode expected) {
        Map<String, Long> faults = new TreeMap<>();
        expected.get("faults").fields().forEachRemaining(e -> faults.merge(REFUSED_AS.get(e.getKey()),
                e.getValue().asLong(), Long::sum));
        return faults;
    }
}
