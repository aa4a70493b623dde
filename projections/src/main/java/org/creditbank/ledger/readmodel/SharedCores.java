package org.creditbank.ledger.readmodel;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * The cores the read models of one rebuild share while they finish (derive, build indexes, analyze): as many tasks
 * run at once as there are cores, and a free core goes to the most urgent task waiting — the lowest rank, then the
 * heaviest, then the first to ask. Each task is one PostgreSQL backend busy on one core; more at once than cores only
 * shares them out. The first rank is for what other tasks wait on (the statistics' derivation, before the indexes of
 * what it derives); among the rest the heaviest go first, so that the finish does not end with one long task on one
 * core while the others idle.
 */
final class SharedCores {

    /** The rank of a model's tasks when the rest of the rebuild waits on their chain. */
    static final int FIRST = 0;
    /** The rank of the other tasks. */
    static final int THEN = 1;

    private final int cores;
    /** Who waits: rank, minus the weight, and the order of asking; the least first. */
    private final PriorityQueue<long[]> waiting = new PriorityQueue<>(Arrays::compare);
    private int busy;
    private long asked;

    SharedCores(int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be at least 1: " + cores);
        }
        this.cores = cores;
    }

    /** A task and its weight: a build's is its table's size on disk. */
    record Task(long weight, Runnable run) {
    }

    /** Runs the task on a core of its own, once one is free and no more urgent task waits for it. */
    void run(int rank, Task task) {
        acquire(rank, task.weight());
        try {
            task.run().run();
        } finally {
            release();
        }
    }

    private synchronized void acquire(int rank, long weight) {
        long[] turn = {rank, -weight, asked++};
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
