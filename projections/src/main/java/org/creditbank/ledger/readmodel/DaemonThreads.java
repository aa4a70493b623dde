package org.creditbank.ledger.readmodel;

import java.util.concurrent.ThreadFactory;

/** Threads of the ledger's own background work: daemons, so that none keeps a stopped JVM alive. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A factory of daemon threads with the given name. */
    public static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
