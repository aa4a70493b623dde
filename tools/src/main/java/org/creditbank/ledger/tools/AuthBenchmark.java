package org.creditbank.ledger.tools;

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
 * fixed set of learners. The reference is the run without a token.
 */
@Command(name = "bench-auth",
        description = "Benchmark: single recordings over HTTP with authentication vs. the same server with token"
                + " validation switched off (servers started by the benchmark, on the embedded default).")
class AuthBenchmark implements Callable<Integer> {

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

    /** One server's measurement. */
    record Run(int round, boolean authenticated, long[] nanos, long wallNanos, double loadBefore, double loadAfter) {

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
                Run run = measure(round, authenticated);
                runs.add(run);
                out.printf("round %d %s: p50 %.2f ms, %.0f recordings/s%n", round, side(authenticated),
                        run.p50() / 1e6, run.perSecond());
                out.flush();
            }
        }
        out.println();
        out.println("| run | recordings | p50 ms | p90 ms | p99 ms | max ms | recordings/s | load average (1 min) before"
                + " → after |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---|");
        for (Run run : runs) {
            out.printf("%s %.0f | %.2f → %.2f |%n", CommandBenchmark.row(run.round() + ": " + side(run.authenticated()),
                    run.nanos()), run.perSecond(), run.loadBefore(), run.loadAfter());
        }
        double withToken = medianP50(runs, true);
        double without = medianP50(runs, false);
        out.println();
        out.printf("p50, median of the rounds: %.2f ms with a token, %.2f ms without (reference); ratio %.3f"
                + " (%+.1f %%)%n", withToken / 1e6, without / 1e6, withToken / without, (withToken / without - 1) * 100);
        double rateWith = medianRate(runs, true);
        double rateWithout = medianRate(runs, false);
        out.printf("recordings/s, median of the rounds: %.0f with a token, %.0f without; ratio %.3f (%+.1f %%)%n",
                rateWith, rateWithout, rateWith / rateWithout, (rateWith / rateWithout - 1) * 100);
        out.flush();
        return 0;
    }

    private Run measure(int round, boolean authenticated) throws Exception {
        Map<String, String> settings = authenticated ? Map.of()
                : Map.of("LEDGER_IDENTITY_BENCHMARK_SUBJECT", OFFICER_SUBJECT);
        try (LocalLedger server = LocalLedger.start(serverJar, settings)) {
            try {
                return measure(server, round, authenticated);
            } catch (Exception e) {
                System.err.println("round " + round + " " + side(authenticated) + " failed at "
                        + Arrays.stream(e.getStackTrace()).filter(f -> f.getClassName().startsWith("org.creditbank"))
                        .map(StackTraceElement::toString).toList() + "; the server's last lines:\n"
                        + server.logTail(40));
                throw e;
            }
        }
    }

    private Run measure(LocalLedger server, int round, boolean authenticated) throws Exception {
        install(new LedgerHttp(server.url(), server.signIn("admin"), null));
        LedgerHttp officer = new LedgerHttp(server.url(), authenticated ? server.signIn(OFFICER_SUBJECT) : null,
                null);
        String[] learnerNumbers = new String[learners];
        for (int i = 0; i < learners; i++) {
            learnerNumbers[i] = officer.openAccount();
        }
        for (int i = 0; i < warmup; i++) {
            officer.record(learnerNumbers[i % learners], "WARM-" + i);
        }
        double loadBefore = load();
        long[] nanos = new long[samples];
        long begin = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            officer.record(learnerNumbers[i % learners], "REC-" + i);
            nanos[i] = System.nanoTime() - start;
        }
        long wall = System.nanoTime() - begin;
        return new Run(round, authenticated, nanos, wall, loadBefore, load());
    }

    /** The installation: a provincial centre whose one officer records (and could certify). */
    private static void install(LedgerHttp operator) throws Exception {
        operator.post("/api/branches", Map.of("code", CENTRE, "name", "Benchmark Centre",
                "tier", "PROVINCIAL_CENTRE", "divisionCode", "330000"));
        operator.post("/api/branches/" + CENTRE + "/officers", Map.of("officerId", "bench", "name", "Bench Officer",
                "subject", OFFICER_SUBJECT, "roles", List.of("OFFICER", "CERTIFIER")));
    }

    private static String side(boolean authenticated) {
        return authenticated ? "with a token" : "reference: no token (benchmark subject)";
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double medianP50(List<Run> runs, boolean authenticated) {
        return median(runs.stream().filter(r -> r.authenticated() == authenticated).mapToDouble(Run::p50).toArray());
    }

    private static double medianRate(List<Run> runs, boolean authenticated) {
        return median(runs.stream().filter(r -> r.authenticated() == authenticated).mapToDouble(Run::perSecond)
                .toArray());
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
