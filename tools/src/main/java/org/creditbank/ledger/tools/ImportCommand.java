package org.creditbank.ledger.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.creditbank.ledger.tools.intake.ImportFile;
import org.creditbank.ledger.tools.intake.ImportKind;
import org.creditbank.ledger.tools.intake.ImportState;
import org.creditbank.ledger.tools.intake.ImportState.FileProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Brings a legacy system's history into a running ledger: files of branches, officers, learners and achievements,
 * sent in batches to {@code /api/imports/...}, where every row is decided by the ledger's own rules. Refused rows go
 * to the report; progress is kept beside it, so the same command run again after any interruption resumes where the
 * ledger last answered (docs/import.md).
 */
@Command(name = "import", description = {
        "Import a legacy system's history (CSV or JSON Lines files) into a running ledger, in batches.",
        "Refused rows are written to the report (file, row, rule, field, reason); nothing of them is stored.",
        "Interrupted, run the same command again: it resumes, and every valid row is imported exactly once.",
        "Exit codes: 0 every row imported (now or before), 3 done with refused rows (see the report),",
        "1 the import stopped (the ledger unreachable or refusing the batch: run again to resume), 2 bad usage."})
class ImportCommand implements Callable<Integer> {

    /** The exit code of an import that finished with rows the ledger refused. */
    static final int REFUSED_ROWS = 3;
    private static final int ATTEMPTS = 6;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "the ledger (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--token", defaultValue = "${env:LEDGER_TOKEN}",
            description = "an administrator of the provincial centre's bearer token (default: $LEDGER_TOKEN)")
    String token;

    @Option(names = "--branch", paramLabel = "CODE",
            description = "the provincial centre's code, for an administrator appointed to several branches")
    String branch;

    @Option(names = "--source", defaultValue = "legacy", paramLabel = "NAME",
            description = "the legacy system's name: its achievements' legacy ids are its own (default: ${DEFAULT-VALUE})")
    String source;

    @Option(names = "--branches", paramLabel = "FILE", description = "branches (.csv or .jsonl)")
    Path branches;

    @Option(names = "--officers", paramLabel = "FILE", description = "officers' appointments")
    Path officers;

    @Option(names = "--learners", paramLabel = "FILE", description = "learners")
    Path learners;

    @Option(names = "--achievements", paramLabel = "FILE", description = "achievements with their legacy status")
    Path achievements;

    @Option(names = "--report", defaultValue = "import-report.csv", paramLabel = "FILE",
            description = "where refused rows are written; its progress is kept in FILE.state (default: ${DEFAULT-VALUE})")
    Path report;

    @Option(names = "--batch-rows", defaultValue = "2000", paramLabel = "N",
            description = "rows sent in one request, 1 to 10000 (default: ${DEFAULT-VALUE})")
    int batchRows;

    @Option(names = "--parallel", defaultValue = "2", paramLabel = "N",
            description = "batches of learners or achievements in flight at once, 1 to 8 (default: ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--progress", negatable = true,
            description = "show a progress bar with rate and ETA on stderr (default: when stderr is a terminal)")
    Boolean progress;

    @Spec
    CommandSpec spec;

    private final CsvMapper csv = new CsvMapper();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        Map<ImportKind, Path> files = new EnumMap<>(ImportKind.class);
        put(files, ImportKind.BRANCHES, branches);
        put(files, ImportKind.OFFICERS, officers);
        put(files, ImportKind.LEARNERS, learners);
        put(files, ImportKind.ACHIEVEMENTS, achievements);
        if (files.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "name at least one file: --branches, --officers, --learners or --achievements");
        }
        if (parallel < 1 || parallel > 8) {
            throw new ParameterException(spec.commandLine(), "--parallel must be 1 to 8, got " + parallel);
        }
        if (batchRows < 1 || batchRows > 10_000) {
            throw new ParameterException(spec.commandLine(), "--batch-rows must be 1 to 10000, got " + batchRows);
        }
        for (Path file : files.values()) {
            if (!Files.isReadable(file)) {
                throw new ParameterException(spec.commandLine(), file + ": no such file, or not readable");
            }
        }
        Path statePath = report.resolveSibling(report.getFileName() + ".state");
        ImportState state = ImportState.load(statePath);
        for (Map.Entry<ImportKind, Path> entry : files.entrySet()) {
            FileProgress begun = state.of(entry.getKey());
            if (begun != null && (!begun.path().equals(entry.getValue().toString())
                    || begun.size() != Files.size(entry.getValue()))) {
                throw new ParameterException(spec.commandLine(), statePath + " is the state of an import of another "
                        + entry.getKey().path() + " file (" + begun.path() + "): give another --report, or delete it"
                        + " to start over");
            }
        }
        LedgerHttp http = new LedgerHttp(url, token, branch);
        PrintWriter out = spec.commandLine().getOut();
        boolean anyRefused = false;
        try (Report written = Report.open(report, state.isNew() ? -1 : state.reportBytes(), csv)) {
            for (Map.Entry<ImportKind, Path> entry : files.entrySet()) {
                FileProgress done = importFile(http, entry.getKey(), entry.getValue(), state, written);
                out.printf("%s: %d rows: %d imported, %d already imported, %d refused%n", entry.getKey().path(),
                        done.rowsDone(), done.imported(), done.alreadyImported(), done.refused());
                out.flush();
                anyRefused |= done.refused() > 0;
            }
        }
        if (anyRefused) {
            out.println("refused rows are in " + report);
            out.flush();
            return REFUSED_ROWS;
        }
        return 0;
    }

    private static void put(Map<ImportKind, Path> files, ImportKind kind, Path file) {
        if (file != null) {
            files.put(kind, file);
        }
    }

    private FileProgress importFile(LedgerHttp http, ImportKind kind, Path path, ImportState state, Report written)
            throws Exception {
        FileProgress progress = state.of(kind);
        if (progress == null) {
            progress = new FileProgress(path.toString(), Files.size(path), 0, written.length(), 0, 0, 0, false);
        }
        if (progress.finished()) {
            return progress;
        }
        long total = ImportFile.estimateRows(path);
        try (ImportFile file = ImportFile.open(kind, path); ProgressBar bar = bar(kind, total, progress.rowsDone())) {
            for (long skipped = 0; skipped < progress.rowsDone(); skipped++) {
                if (file.next() == null) {
                    break;
                }
            }
            // Branches and officers in file order, one batch at a time (a row may name an earlier one); learners and
            // achievements with batches in flight side by side, taken in file order as they are answered.
            int inFlight = kind == ImportKind.BRANCHES || kind == ImportKind.OFFICERS ? 1 : parallel;
            ExecutorService senders = Executors.newFixedThreadPool(inFlight);
            Deque<Sent> sent = new ArrayDeque<>();
            try {
                while (true) {
                    List<ImportFile.Row> batch = new ArrayList<>(batchRows);
                    for (ImportFile.Row row; batch.size() < batchRows && (row = file.next()) != null; ) {
                        batch.add(row);
                    }
                    if (batch.isEmpty()) {
                        break;
                    }
                    sent.add(new Sent(batch, senders.submit(() -> answers(http, kind, batch))));
                    if (sent.size() >= inFlight) {
                        progress = answered(sent.poll(), progress, written, state, kind, bar, total);
                    }
                }
                while (!sent.isEmpty()) {
                    progress = answered(sent.poll(), progress, written, state, kind, bar, total);
                }
            } finally {
                senders.shutdownNow();
            }
        }
        progress = new FileProgress(progress.path(), progress.size(), progress.rowsDone(), progress.reportBytes(),
                progress.imported(), progress.alreadyImported(), progress.refused(), true);
        state.save(kind, progress);
        return progress;
    }

    /** A batch sent, and the ledger's answers to its rows by number (when they come). */
    private record Sent(List<ImportFile.Row> batch, Future<Map<Long, JsonNode>> answers) {
    }

    /** Takes a sent batch's answers, writes its refusals to the report and then the progress to the state. */
    private FileProgress answered(Sent sent, FileProgress before, Report written, ImportState state, ImportKind kind,
                                  ProgressBar bar, long total) throws Exception {
        Map<Long, JsonNode> answers;
        try {
            answers = sent.answers().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        FileProgress progress = account(sent.batch(), answers, before, written);
        state.save(kind, progress);
        if (bar != null) {
            bar.stepTo(progress.rowsDone());
            bar.maxHint(Math.max(total, progress.rowsDone()));
        }
        return progress;
    }

    /** Sends a batch's readable rows and answers the ledger's result for each, by row number. */
    private Map<Long, JsonNode> answers(LedgerHttp http, ImportKind kind, List<ImportFile.Row> batch)
            throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ImportFile.Row row : batch) {
            if (row.malformed() == null) {
                Map<String, Object> sent = new LinkedHashMap<>();
                sent.put("row", row.row());
                sent.putAll(row.cells());
                rows.add(sent);
            }
        }
        Map<Long, JsonNode> answers = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            JsonNode answer = post(http, "/api/imports/" + kind.path(), Map.of("source", source, "rows", rows));
            answer.get("results").forEach(result -> answers.put(result.get("row").asLong(), result));
        }
        return answers;
    }

    /** Writes every refusal of an answered batch to the report (synced) and answers the progress after it. */
    private FileProgress account(List<ImportFile.Row> batch, Map<Long, JsonNode> answers, FileProgress before,
                                 Report written) throws IOException {
        long imported = before.imported();
        long already = before.alreadyImported();
        long refused = before.refused();
        String fileName = before.path();
        for (ImportFile.Row row : batch) {
            if (row.malformed() != null) {
                written.row(fileName, row.row(), "malformed-row", "", "row " + row.malformed());
                refused++;
                continue;
            }
            JsonNode result = answers.get(row.row());
            if (result == null) {
                throw new IllegalStateException("the ledger did not answer row " + row.row() + " of " + fileName);
            }
            switch (result.get("outcome").asText()) {
                case "IMPORTED" -> imported++;
                case "ALREADY_IMPORTED" -> already++;
                default -> {
                    refused++;
                    written.row(fileName, row.row(), result.path("rule").asText(), result.path("field").asText(),
                            result.path("reason").asText());
                }
            }
        }
        written.sync();
        long rowsDone = batch.get(batch.size() - 1).row();
        return new FileProgress(before.path(), before.size(), rowsDone, written.length(), imported, already, refused,
                false);
    }

    /**
     * Posts a batch; a ledger that cannot be reached, or answers that it cannot reach its database (503), is asked
     * again after 1, 2, 4, 8 and 16 seconds. Anything else that is not success stops the import.
     */
    private JsonNode post(LedgerHttp http, String path, Object body) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                Thread.sleep(Duration.ofSeconds(1L << (attempt - 1)).toMillis());
            }
            try {
                return http.post(path, body);
            } catch (IOException e) {
                last = e;
            } catch (LedgerHttp.UnexpectedStatus e) {
                if (e.status() != 503) {
                    throw new IllegalStateException("the ledger refused the batch: " + e.status() + " "
                            + problemDetail(e.body()));
                }
                last = e;
            }
        }
        throw new IllegalStateException("the ledger at " + url + " did not answer (" + last
                + "); run the same command again to resume");
    }

    private String problemDetail(String body) {
        try {
            JsonNode problem = json.readTree(body);
            return problem != null && problem.has("detail") ? problem.get("detail").asText() : body;
        } catch (IOException e) {
            return body;
        }
    }

    private ProgressBar bar(ImportKind kind, long total, long done) {
        boolean show = progress != null ? progress : System.console() != null;
        if (!show) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName(kind.path()).setInitialMax(Math.max(total, done))
                .setUnit(" rows", 1).showSpeed().setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).startsFrom(done, Duration.ZERO).build();
    }

    /** The report of refused rows: CSV, appended to, its length known after each batch. */
    private static final class Report implements AutoCloseable {

        private final FileOutputStream stream;
        private final Writer writer;
        private final SequenceWriter rows;

        private Report(FileOutputStream stream, CsvMapper csv) throws IOException {
            this.stream = stream;
            this.writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            this.rows = csv.writer().writeValues(writer);
        }

        /**
         * Opens the report: new (with its header) when {@code keep} is negative, otherwise cut back to the
         * {@code keep} bytes the state says were written for the rows answered, so rows sent again are not reported
         * twice.
         */
        static Report open(Path path, long keep, CsvMapper csv) throws IOException {
            boolean fresh = keep < 0 || !Files.exists(path);
            FileOutputStream stream = new FileOutputStream(path.toFile(), !fresh);
            if (!fresh) {
                FileChannel channel = stream.getChannel();
                channel.truncate(keep);
                channel.position(keep);
            }
            Report report = new Report(stream, csv);
            if (fresh) {
                report.rows.write(List.of("file", "row", "rule", "field", "reason"));
                report.sync();
            }
            return report;
        }

        void row(String file, long row, String rule, String field, String reason) throws IOException {
            rows.write(List.of(file, String.valueOf(row), rule, field, reason));
        }

        void sync() throws IOException {
            rows.flush();
            writer.flush();
            stream.getFD().sync();
        }

        long length() throws IOException {
            return stream.getChannel().position();
        }

        @Override
        public void close() throws IOException {
            sync();
            rows.close();
        }
    }
}
