package org.creditbank.ledger.projection;

/**
 * How one pass over the whole event store (a rebuild, a replay check) feeds a projection: through a handler that may
 * leave out the rows that can be derived from the rows it writes, and a step that derives them, set-based, once the
 * last event is in. Event by event, a projection keeps those rows up to date itself; over the whole store, deriving
 * them once costs a fraction of that.
 */
public interface BulkReplay {

    /** The event handler the pass feeds. */
    Object handler();

    /** Derives what the handler left out, in the caller's transaction, after the last event of the pass. */
    void finish();

    /** A projection fed over the whole store just as it is live, with nothing left to derive. */
    static BulkReplay of(Object handler) {
        return of(handler, () -> { });
    }

    /** A handler, and what derives the rest after the last event. */
    static BulkReplay of(Object handler, Runnable finish) {
        return new BulkReplay() {
            @Override
            public Object handler() {
                return handler;
            }

            @Override
            public void finish() {
                finish.run();
            }
        };
    }
}
