package org.creditbank.ledger.readmodel;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the rules read of a register, read once for a whole batch of rows decided in one transaction (an import's
 * round, a roster's): the officers' roles, the branches, the network rules, whose account an identity is. A batch's
 * own rows change the registers only when the batch commits — rows that would meet in a register never share one —
 * so every row of a batch reads the same answer, and asking the database once per row would only cost round trips.
 * Outside a batch (a command of its own) every read goes to the database as before.
 */
public final class BatchReads {

    private static final String KEY = BatchReads.class.getName();

    private BatchReads() {
    }

    /** Makes the reads of everything run in {@code unit} (a batch's unit of work) remembered until {@link #end}. */
    public static void begin(UnitOfWork<?> unit) {
        unit.resources().put(KEY, new HashMap<List<Object>, Object>());
    }

    /**
     * Ends the remembering, before the unit commits: what its commit feeds the read models (the registers included)
     * reads the database again.
     */
    public static void end(UnitOfWork<?> unit) {
        unit.resources().remove(KEY);
    }

    /**
     * The answer of {@code read}, asked once a batch for the same {@code key} (the read's name and arguments); asked
     * each time outside a batch.
     */
    @SuppressWarnings("unchecked")
    public static <T> T once(Supplier<T> read, Object... key) {
        if (!CurrentUnitOfWork.isStarted()) {
            return read.get();
        }
        Map<List<Object>, Object> answers = (Map<List<Object>, Object>) CurrentUnitOfWork.get().root()
                .getResource(KEY);
        if (answers == null) {
            return read.get();
        }
        List<Object> asked = List.of(key);
        Object answer = answers.get(asked);
        if (answer == null) {
            answer = read.get();
            answers.put(asked, answer);
        }
        return (T) answer;
    }
}
