package org.creditbank.ledger.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.creditbank.ledger.tools.intake.ImportKind;
import org.creditbank.ledger.tools.intake.Province;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Writes a synthetic province as import files (docs/import.md): seeded and deterministic, every tier of the network,
 * learners with Chinese names, achievements of every kind, some rows deliberately bad; and {@code expected.json},
 * what importing the valid rows must give.
 */
@Command(name = "generate", description = {
        "Write a synthetic province as import files: branches, officers, learners, achievements, and expected.json.",
        "The same seed writes the same files. Exit codes: 0 written, 1 failed writing, 2 bad usage."})
class GenerateCommand implements Callable<Integer> {

    enum Format { csv, jsonl }

    @Option(names = "--learners", required = true, paramLabel = "N", description = "how many learners")
    long learners;

    @Option(names = "--achievements-per-learner", defaultValue = "5", paramLabel = "N",
            description = "about how many achievements a learner has, 1 to 50 (default: ${DEFAULT-VALUE})")
    int perLearner;

    @Option(names = "--seed", defaultValue = "1", description = "the seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--centre", defaultValue = "ZJ-CENTRE", paramLabel = "CODE",
            description = "the installed provincial centre the network sits under (default: ${DEFAULT-VALUE})")
    String centre;

    @Option(names = "--bad-rows", defaultValue = "0.002", paramLabel = "SHARE",
            description = "the share of learner and achievement rows made deliberately bad, 0 to 0.5"
                    + " (default: ${DEFAULT-VALUE})")
    double badShare;

    @Option(names = "--format", defaultValue = "csv", description = "csv or jsonl (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", defaultValue = "province", paramLabel = "DIR",
            description = "the directory to write to (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--progress", negatable = true,
            description = "show a progress bar on stderr (default: when stderr is a terminal)")
    Boolean progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (learners < 1) {
            throw new ParameterException(spec.commandLine(), "--learners must be at least 1, got " + learners);
        }
        if (perLearner < 1 || perLearner > 50) {
            throw new ParameterException(spec.commandLine(), "--achievements-per-learner must be 1 to 50, got "
                    + perLearner);
        }
        if (badShare < 0 || badShare > 0.5) {
            throw new ParameterException(spec.commandLine(), "--bad-rows must be 0 to 0.5, got " + badShare);
        }
        Files.createDirectories(out);
        Map<ImportKind, RowFile> files = new EnumMap<>(ImportKind.class);
        Province.Expected expected;
        boolean show = progress != null ? progress : System.console() != null;
        try (ProgressBar bar = show ? new ProgressBarBuilder().setTaskName("learners").setInitialMax(learners)
                .setUnit(" learners", 1).showSpeed().setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null) {
            for (ImportKind kind : ImportKind.values()) {
                files.put(kind, new RowFile(kind, out.resolve(kind.path() + "." + format), format));
            }
            expected = new Province(seed, centre, badShare).generate(learners, perLearner, new Province.Rows() {
                @Override
                public void branch(Map<String, String> row) {
                    files.get(ImportKind.BRANCHES).write(row, false);
                }

                @Override
                public void officer(Map<String, String> row) {
                    files.get(ImportKind.OFFICERS).write(row, false);
                }

                @Override
                public void learner(Map<String, String> row) {
                    files.get(ImportKind.LEARNERS).write(row, false);
                    if (bar != null) {
                        bar.step();
                    }
                }

                @Override
                public void achievement(Map<String, String> row, boolean malformed) {
                    files.get(ImportKind.ACHIEVEMENTS).write(row, malformed);
                }
            });
        } finally {
            for (RowFile file : files.values()) {
                file.close();
            }
        }
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve("expected.json").toFile(),
                expected);
        spec.commandLine().getOut().printf("%s: %d branches, %d officers, %d learners (%d bad), %d achievements"
                        + " (%d bad), %d events expected%n", out, expected.branches(), expected.officers(),
                expected.learners() + expected.badLearners(), expected.badLearners(),
                expected.achievements() + expected.badAchievements(), expected.badAchievements(), expected.events());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** One file being written: a CSV header and records, or JSON Lines. */
    private static final class RowFile implements AutoCloseable {

        private final ImportKind kind;
        private final Format format;
        private final Writer writer;
        private final SequenceWriter csv;
        private final ObjectMapper json = new ObjectMapper();

        RowFile(ImportKind kind, Path path, Format format) throws IOException {
            this.kind = kind;
            this.format = format;
            this.writer = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), 1 << 16);
            this.csv = format == Format.csv ? new CsvMapper().writer().writeValues(writer) : null;
            if (csv != null) {
                csv.write(kind.columns());
            }
        }

        void write(Map<String, String> row, boolean malformed) {
            try {
                if (format == Format.csv) {
                    List<String> cells = new ArrayList<>(kind.columns().size() + 1);
                    for (String column : kind.columns()) {
                        cells.add(row.getOrDefault(column, ""));
                    }
                    if (malformed) {
                        cells.add("a cell too many");
                    }
                    csv.write(cells);
                } else {
                    String line = json.writeValueAsString(row);
                    writer.write(malformed ? line.substring(0, line.length() / 2) : line);
                    writer.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            if (csv != null) {
                csv.close();
            }
            writer.close();
        }
    }
}
