package org.creditbank.ledger.readmodel;

import java.util.List;

/**
 * How one pass over the whole event store (a rebuild, a replay check) feeds a projection: through a handler that may
 * leave out the rows that can be derived from the rows it writes, and steps that derive them, set-based, once the
 * last event is in. Event by event, a projection keeps those rows up to date itself; over the whole store, deriving
 * them once costs a fraction of that.
 */
public interface BulkReplay {

    /** The event handler the pass feeds. */
    Object handler();

    /**
     * What derives the rest after the last event of the pass: steps independent of each other, each to run in a
     * transaction — all in the caller's, one after the other, or each in its own, side by side.
     */
    List<Runnable> finishing();

    /** A projection fed over the whole store just as it is live, with nothing left to derive. */
    static BulkReplay of(Object handler) {
        return of(handler, List.of());
    }

    /** A handler, and the steps that derive the rest after the last event. */
    static BulkReplay of(Object handler, List<Runnable> finishing) {
        List<Runnable> steps = List.copyOf(finishing);
        return new BulkReplay() {
            @Override
            public Object handler() {
                return handler;
            }

            @Override
            public List<Runnable> finishing() {
                return steps;
            }
        };
    }
}
