package org.creditbank.ledger.tools.bench;

import org.creditbank.ledger.tools.LedgerHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The nodes of one ledger, all serving one store. A client talks to one node; when that node stops answering (the
 * connection refused or cut, as when its process is killed) the node counts as lost for the rest of the run, and the
 * client moves on to the next node not lost.
 */
public final class LedgerNodes {

    /** One call to a node. */
    @FunctionalInterface
    interface Call<T> {
        T on(LedgerHttp node) throws IOException, InterruptedException;
    }

    private final List<String> urls;
    private final List<LedgerHttp> nodes;
    /** Why each node was lost, or null while it answers. */
    private final AtomicReferenceArray<String> lost;
    private final AtomicLong failovers = new AtomicLong();

    LedgerNodes(LedgerTarget target, List<String> urls) {
        this.urls = List.copyOf(urls);
        this.nodes = this.urls.stream().map(target::ledger).toList();
        this.lost = new AtomicReferenceArray<>(urls.size());
    }

    int size() {
        return nodes.size();
    }

    /** A client that starts on node {@code first} (modulo the number of nodes), or the next one not lost. */
    Client client(int first) {
        int at = first % nodes.size();
        return new Client(lost.get(at) == null ? at : nextLive(at));
    }

    /** How often a client moved on from a node that stopped answering. */
    long failovers() {
        return failovers.get();
    }

    /** The nodes lost so far, each with the error that lost it. */
    List<String> lost() {
        List<String> lostNodes = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (lost.get(i) != null) {
                lostNodes.add(urls.get(i) + " (" + lost.get(i) + ")");
            }
        }
        return lostNodes;
    }

    /** One client's place among the nodes; used by one thread at a time. */
    final class Client {

        private int at;

        private Client(int at) {
            this.at = at;
        }

        /**
         * Makes the call on this client's node. If the node does not answer, the call is not repeated elsewhere
         * (whether the lost node committed it is unknown): the client moves on and the error is rethrown.
         */
        <T> T call(Call<T> call) throws IOException, InterruptedException {
            try {
                return call.on(nodes.get(at));
            } catch (IOException noAnswer) {
                lost.compareAndSet(at, null, String.valueOf(noAnswer));
                at = nextLive(at);
                failovers.incrementAndGet();
                throw noAnswer;
            }
        }

        /** Makes the call on this client's node, and on the next ones as long as nodes stop answering. */
        <T> T callAny(Call<T> call) throws IOException, InterruptedException {
            while (true) {
                try {
                    return call(call);
                } catch (IOException moved) {
                    // moved on to the next node; when none is left, nextLive ends the loop
                }
            }
        }
    }

    private int nextLive(int from) {
        for (int step = 1; step <= nodes.size(); step++) {
            int next = (from + step) % nodes.size();
            if (lost.get(next) == null) {
                return next;
            }
        }
        throw new IllegalStateException("no node answers: " + lost());
    }
}
