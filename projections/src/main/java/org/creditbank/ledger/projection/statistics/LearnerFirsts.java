package org.creditbank.ledger.projection.statistics;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where one learner is counted ahead: at every node and period an active row of theirs counts at, with the first day
 * they were active there and the earliest achieved date of what they acted on there. The one rule both ways of keeping
 * the statistics follow: the live processor compares a learner's before and after a batch; a pass over the whole store
 * counts every learner's once.
 */
final class LearnerFirsts {

    /** A node and a period. */
    record At(String node, String period) implements Comparable<At> {
        private static final Comparator<At> ORDER = Comparator.comparing(At::node).thenComparing(At::period);

        @Override
        public int compareTo(At o) {
            return ORDER.compare(this, o);
        }
    }

    /** When a learner was first active somewhere, and the earliest achieved date of what they acted on there. */
    record First(LocalDate day, LocalDate achieved) {
        static First min(First a, First b) {
            return new First(earlier(a.day(), b.day()), earlier(a.achieved(), b.achieved()));
        }

        private static LocalDate earlier(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? b : a;
        }
    }

    private final Map<At, First> firsts = new TreeMap<>();

    /** Counts an active row: a month at a branch (its nodes), first active on that day, on that date achieved. */
    void add(LocalDate month, Iterable<String> nodes, First first) {
        for (String node : nodes) {
            for (String period : Reach.periods(month)) {
                firsts.merge(new At(node, period), first, First::min);
            }
        }
    }

    /** A copy, to be added to. */
    LearnerFirsts copy() {
        LearnerFirsts copy = new LearnerFirsts();
        copy.firsts.putAll(firsts);
        return copy;
    }

    /** Where the learner is counted, and from when. */
    Map<At, First> firsts() {
        return firsts;
    }
}
