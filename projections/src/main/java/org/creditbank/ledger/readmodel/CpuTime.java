package org.creditbank.ledger.readmodel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** The CPU time a thread has used: what a rebuild reports its parts cost, apart from the time they waited. */
public final class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTime() {
    }

    /** The calling thread's CPU time in nanoseconds; 0 where the JVM does not measure it. */
    public static long ofThisThread() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }
}
