package org.creditbank.ledger.readmodel;

import org.creditbank.ledger.readmodel.BulkReplay;
import org.creditbank.ledger.readmodel.Slot;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A read model that can be rebuilt from the event store beside the live one and then switched to.
 *
 * @param name      its name, the key of the {@code read_model} table
 * @param tables    the base names of its tables, children before parents (the order they are cleared in)
 * @param handler   the projection that writes a given slot
 * @param bulk      how a pass over the whole event store feeds a given slot (a rebuild, a replay check); null for
 *                  through {@code handler}, as live
 * @param streaming true when its live slot is fed by a tracking processor of its own (eventually consistent);
 *                  false when it is fed in the command's transaction by a subscribing processor
 * @param segments  how many segments its tracking processors use: 1 where a merge moves rows between streams, and
 *                  1 for a streaming read model (its one token then says exactly which events its rows hold)
 * @param appendOnly the base names of its tables whose rows a rebuild's pass over the store only inserts (or
 *                   derives at its end): a rebuild builds even their primary keys after filling them
 * @param replayIndexes the indexes (slot A names) its projection's updates find rows by, other than primary keys:
 *                      a rebuild keeps them while it fills the slot, and builds every other index afterwards
 */
public record ReadModel(String name, List<String> tables, Function<Slot, Object> handler,
                        Function<Slot, BulkReplay> bulk, boolean streaming, int segments, Set<String> appendOnly,
                        Set<String> replayIndexes) {

    public ReadModel {
        tables = List.copyOf(tables);
        appendOnly = Set.copyOf(appendOnly);
        replayIndexes = Set.copyOf(replayIndexes);
        if (!tables.containsAll(appendOnly)) {
            throw new IllegalArgumentException("append-only tables must be among the tables: " + appendOnly);
        }
    }

    /** How a pass over the whole event store feeds a slot. */
    public BulkReplay bulkReplay(Slot slot) {
        return bulk == null ? BulkReplay.of(handler.apply(slot)) : bulk.apply(slot);
    }

    /** The name of the tracking processor that writes a slot. */
    public String processor(Slot slot) {
        return name + "@" + slot;
    }
}
