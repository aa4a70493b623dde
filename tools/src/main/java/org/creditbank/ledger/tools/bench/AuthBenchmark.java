package org.creditbank.ledger.tools.bench;

import org.creditbank.ledger.tools.LedgerHttp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What authentication costs a single recording over HTTP: the same server jar started on the embedded default once
 * with authentication (every request carries an access token from its development identity provider) and once with
 * the benchmark subject (no token: token validation off, {@code LEDGER_IDENTITY_BENCHMARK_SUBJECT}), alternately, one
 * server at a time, each in a fresh data folder with the same data shape; one officer records sequentially on a
 * fixed set of learners. The reference is the run without a token. Because two servers started one after the
 * other see a shared machine at different moments, the benchmark-subject server then also takes recordings with and
 * without a token in turn: the same comparison on one server, at the same moments (a request with a token is validated
 * there exactly as on a server with authentication).
 */
@Command(name = "bench-auth",
        description = "Benchmark: single recordings over HTTP with authentication vs. the same server with token"
                + " validation switched off (servers started by the benchmark, on the embedded default).")
public class AuthBenchmark implements Callable<Integer> {

    private static final String CENTRE = "BENCH-CENTRE";
    private static final String OFFICER_SUBJECT = "bench-officer";

    @Option(names = "--server-jar", defaultValue = "ledger-api/target/ledger-api-0.1.0-SNAPSHOT-exec.jar",
            description = "the ledger server to start (default: ${DEFAULT-VALUE})")
    Path serverJar;

    @Option(names = "--rounds", defaultValue = "2",
            description = "rounds; each starts a server with authentication, then one without (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--learners", defaultValue = "20",
            description = "learners the recordings go to in turn (default: ${DEFAULT-VALUE})")
    int learners;

    @Option(names = "--warmup", defaultValue = "500",
            description = "recordings before measuring, on each server (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--samples", defaultValue = "1000",
            description = "timed recordings on each server (default: ${DEFAULT-VALUE})")
    int samples;

    @Spec
    CommandSpec spec;

    /** Where a run was measured. */
    enum Setting {
        TOKEN_SERVER("a server with authentication: with a token"),
        SUBJECT_SERVER("reference: the benchmark-subject server, no token"),
        INTERLEAVED_TOKEN("interleaved on the benchmark-subject server: with a token"),
        INTERLEAVED_NO_TOKEN("interleaved on the benchmark-subject server: no token (reference)");

        final String label;

        Setting(String label) {
            this.label = label;
        }
    }

    /** One measured series. */
    record Run(int round, Setting setting, long[] nanos, long wallNanos, double loadBefore, double loadAfter) {

        double perSecond() {
            return nanos.length / (wallNanos / 1e9);
        }

        long p50() {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return Percentiles.of(sorted, 50);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || learners < 1 || warmup < 0 || samples < 10) {
            throw new IllegalArgumentException("--rounds and --learners must be at least 1, --warmup at least 0 and"
                    + " --samples at least 10");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Run> runs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (boolean authenticated : new boolean[]{true, false}) {
                for (Run run : measure(round, authenticated)) {
                    runs.add(run);
                    out.printf("round %d, %s: p50 %.2f ms, %.0f recordings/s%n", round, run.setting().label,
                            run.p50() / 1e6, run.perSecond());
                    out.flush();
                }
            }
        }
        out.println();
        out.println("| round: series | recordings | p50 ms | p90 ms | p99 ms | max ms | recordings/s | load average (1"
                + " min) before → after |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---|");
        for (Run run : runs) {
            out.printf("%s %.0f | %.2f → %.2f |%n", CommandBenchmark.row(run.round() + ": " + run.setting().label,
                    run.nanos()), run.perSecond(), run.loadBefore(), run.loadAfter());
        }
        out.println();
        ratio(out, "two servers", runs, Setting.TOKEN_SERVER, Setting.SUBJECT_SERVER);
        ratio(out, "one server, interleaved", runs, Setting.INTERLEAVED_TOKEN, Setting.INTERLEAVED_NO_TOKEN);
        out.flush();
        return 0;
    }

    private static void ratio(PrintWriter out, String what, List<Run> runs, Setting token, Setting reference) {
        double p50 = median(runs, token, Run::p50) / median(runs, reference, Run::p50);
        double rate = median(runs, token, Run::perSecond) / median(runs, reference, Run::perSecond);
        out.printf("%s, medians of the rounds: p50 with a token / without %.3f (%+.1f %%); recordings/s %.3f"
                + " (%+.1f %%)%n", what, p50, (p50 - 1) * 100, rate, (rate - 1) * 100);
    }

    private List<Run> measure(int round, boolean authenticated) throws Exception {
        Map<String, String> settings = authenticated ? Map.of()
                : Map.of("LEDGER_IDENTITY_BENCHMARK_SUBJECT", OFFICER_SUBJECT);
        try (LocalLedger server = LocalLedger.start(serverJar, settings)) {
            try {
                return measure(server, round, authenticated);
            } catch (Exception e) {
                System.err.println("round " + round + (authenticated ? " with a token" : " without") + " failed at "
                        + Arrays.stream(e.getStackTrace()).filter(f -> f.getClassName().startsWith("org.creditbank"))
                        .map(StackTraceElement::toString).toList() + "; the server's last lines:\n"
                        + server.logTail(40));
                throw e;
            }
        }
    }

    /**
     * The series on one server: the officer's recordings with a token (a server with authentication) or without (the
     * benchmark-subject server); the latter then also sends recordings with and without a token in turn, so that both
     * paths are measured side by side on the same server at the same moments.
     */
    private List<Run> measure(LocalLedger server, int round, boolean authenticated) throws Exception {
        install(new LedgerHttp(server.url(), server.signIn("admin"), null));
        LedgerHttp withToken = new LedgerHttp(server.url(), server.signIn(OFFICER_SUBJECT), null);
        LedgerHttp officer = authenticated ? withToken : new LedgerHttp(server.url(), null, null);
        String[] learnerNumbers = new String[learners];
        for (int i = 0; i < learners; i++) {
            learnerNumbers[i] = officer.openAccount();
        }
        for (int i = 0; i < warmup; i++) {
            officer.record(learnerNumbers[i % learners], "WARM-" + i);
            if (!authenticated) {
                // The interleaved series times the token path too: it is warmed up as on a server with authentication.
                withToken.record(learnerNumbers[i % learners], "WARM-T-" + i);
            }
        }
        List<Run> runs = new ArrayList<>();
        double loadBefore = load();
        long[] nanos = new long[samples];
        long begin = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            nanos[i] = timed(officer, learnerNumbers[i % learners], "REC-" + i);
        }
        long wall = System.nanoTime() - begin;
        runs.add(new Run(round, authenticated ? Setting.TOKEN_SERVER : Setting.SUBJECT_SERVER, nanos, wall,
                loadBefore, load()));
        if (!authenticated) {
            loadBefore = load();
            long[] token = new long[samples];
            long[] none = new long[samples];
            for (int i = 0; i < samples; i++) {
                // Which goes first alternates, so that neither always follows the other's commit.
                String learner = learnerNumbers[i % learners];
                if (i % 2 == 0) {
                    token[i] = timed(withToken, learner, "PAIR-T-" + i);
                    none[i] = timed(officer, learner, "PAIR-N-" + i);
                } else {
                    none[i] = timed(officer, learner, "PAIR-N-" + i);
                    token[i] = timed(withToken, learner, "PAIR-T-" + i);
                }
            }
            double loadAfter = load();
            runs.add(new Run(round, Setting.INTERLEAVED_TOKEN, token, Arrays.stream(token).sum(), loadBefore,
                    loadAfter));
            runs.add(new Run(round, Setting.INTERLEAVED_NO_TOKEN, none, Arrays.stream(none).sum(), loadBefore,
                    loadAfter));
        }
        return runs;
    }

    private static long timed(LedgerHttp officer, String learner, String externalId) throws Exception {
        long start = System.nanoTime();
        officer.record(learner, externalId);
        return System.nanoTime() - start;
    }

    /** The installation: a provincial centre whose one officer records (and could certify). */
    private static void install(LedgerHttp operator) throws Exception {
        operator.post("/api/branches", Map.of("code", CENTRE, "name", "Benchmark Centre",
                "tier", "PROVINCIAL_CENTRE", "divisionCode", "330000"));
        operator.post("/api/branches/" + CENTRE + "/officers", Map.of("officerId", "bench", "name", "Bench Officer",
                "subject", OFFICER_SUBJECT, "roles", List.of("OFFICER", "CERTIFIER")));
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double median(List<Run> runs, Setting setting, java.util.function.ToDoubleFunction<Run> value) {
        return median(runs.stream().filter(r -> r.setting() == setting).mapToDouble(value).toArray());
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
