package org.creditbank.ledger.tools.bench;

import org.creditbank.ledger.tools.LedgerHttp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * Measures how fast a running ledger answers a command (recording an achievement) for a learner with a long history,
 * beside the reference figure for learners with no history, both in the same run against the same server.
 */
@Command(name = "bench-commands",
        description = "Benchmark: command latency for a learner with a long history vs. fresh learners.")
public class CommandBenchmark implements Callable<Integer> {

    @Mixin
    LedgerTarget target;

    @Option(names = "--history", defaultValue = "1000", description = "events on the long-history learner (default: ${DEFAULT-VALUE})")
    int history;

    @Option(names = "--samples", defaultValue = "200", description = "timed commands per case (default: ${DEFAULT-VALUE})")
    int samples;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (history < 1 || samples < 10) {
            throw new IllegalArgumentException("--history must be at least 1 and --samples at least 10");
        }
        LedgerHttp ledger = target.ledger();
        PrintWriter out = spec.commandLine().getOut();
        String warm = ledger.openAccount();
        for (int i = 0; i < 50; i++) {
            ledger.record(warm, "WARM-" + i);
        }

        long[] reference = new long[samples];
        for (int i = 0; i < samples; i++) {
            String fresh = ledger.openAccount();
            long start = System.nanoTime();
            ledger.record(fresh, "REF-" + i);
            reference[i] = System.nanoTime() - start;
        }

        String busy = ledger.openAccount();
        for (int i = 1; i < history; i++) {
            ledger.record(busy, "HIST-" + i);
        }
        long[] loaded = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            ledger.record(busy, "LOAD-" + i);
            loaded[i] = System.nanoTime() - start;
        }

        out.println("| case | commands | p50 ms | p90 ms | p99 ms | max ms |");
        out.println("|---|---:|---:|---:|---:|---:|");
        out.println(row("reference: record on a fresh learner (1 event)", reference));
        out.println(row("record on a learner with " + history + "+ events", loaded));
        out.flush();
        return 0;
    }

    static String row(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("| %s | %d | %.2f | %.2f | %.2f | %.2f |", label, sorted.length,
                ms(Percentiles.of(sorted, 50)), ms(Percentiles.of(sorted, 90)), ms(Percentiles.of(sorted, 99)),
                ms(sorted[sorted.length - 1]));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
