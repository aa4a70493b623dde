package org.creditbank.ledger.api.readmodel;

import java.util.PriorityQueue;

/**
 * The cores the read models of one rebuild share while they finish (derive, build indexes, analyze): as many tasks
 * run at once as there are cores, and a free core goes to the most urgent task waiting — the lowest rank, then the
 * first to ask. Each task is one PostgreSQL backend busy on one core; more at once than cores only shares them out,
 * and the longest chain of tasks (the statistics' derivation, then the indexes of what it derived) would finish last.
 */
final class SharedCores {

    /** The rank of a model's tasks when the rest of the rebuild waits on their chain. */
    static final int FIRST = 0;
    /** The rank of the other tasks. */
    static final int THEN = 1;

    private final int cores;
    private final PriorityQueue<long[]> waiting = new PriorityQueue<>((a, b) -> a[0] != b[0]
            ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    private int busy;
    private long asked;

    SharedCores(int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be at least 1: " + cores);
        }
        this.cores = cores;
    }

    /** Runs the task on a core of its own, once one is free and no more urgent task waits for it. */
    void run(int rank, Runnable task) {
        acquire(rank);
        try {
            task.run();
        } finally {
            release();
        }
    }

    private synchronized void acquire(int rank) {
        long[] turn = {rank, asked++};
        waiting.add(turn);
        try {
            while (busy >= cores || waiting.peek() != turn) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the rebuild was interrupted", e);
        } finally {
            waiting.remove(turn);
            // The next in line may be free to go now.
            notifyAll();
        }
        busy++;
    }

    private synchronized void release() {
        busy--;
        notifyAll();
    }
}
