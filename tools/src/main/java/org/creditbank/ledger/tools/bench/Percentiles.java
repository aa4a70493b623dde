package org.creditbank.ledger.tools.bench;

import java.util.Collection;

/** Nearest-rank percentiles of measured durations, for the benchmarks. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The {@code p}th percentile (nearest rank) of ascending values; 100 is the largest. */
    static long of(long[] sorted, int p) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    /** The {@code p}th percentile of durations in nanoseconds, in milliseconds. */
    static double millis(Collection<Long> nanos, int p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalStateException("no request was answered: nothing to measure");
        }
        return of(sorted, p) / 1e6;
    }
}
