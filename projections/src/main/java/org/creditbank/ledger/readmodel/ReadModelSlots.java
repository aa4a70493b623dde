package org.creditbank.ledger.readmodel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.StatementCallback;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.creditbank.ledger.readmodel.Sql.at;

/**
 * Which slot of each rebuildable read model is live, as the {@code read_model} table says and a switch changes.
 *
 * <p>On the embedded database one server is the only writer, and what it last switched to is the answer. On
 * PostgreSQL several nodes share the table, and any of them may switch a slot, so each asks the table:
 * <ul>
 *   <li>a command's transaction asks it once, after taking the switch lock shared ({@link #lockShared}): no node
 *       switches a read model fed in the command's transaction while a command that writes the old slot is open,
 *       and a command held by a switch then writes the new slot;</li>
 *   <li>a request asks it once, the first time it reads a read model ({@link #openView}): every read model it reads
 *       is read from the slot that was live at that moment, on whichever node it arrives;</li>
 *   <li>anything else asks it each time.</li>
 * </ul>
 */
public class ReadModelSlots {

    /** A read model's live slot and when it was switched to (the epoch if never). */
    public record Live(Slot slot, Instant switchedAt) {
    }

    /** The switch lock's first key, "ledg"; the second is the schema's, so ledgers in one database do not meet. */
    private static final int LOCK_CLASS = 0x6c656467;
    private static final String SELECT = "SELECT name, live_slot, switched_at FROM read_model";
    private static final ThreadLocal<View> VIEWS = new ThreadLocal<>();

    private final JdbcTemplate jdbc;
    private final boolean shared;
    private final int lockKey;
    /**
     * On the embedded database, the truth: read when first asked (once the engine has made the read models' rows),
     * then what this server switched to.
     */
    private volatile Map<String, Live> known;

    /** @param shared whether several nodes may share the table (PostgreSQL) */
    public ReadModelSlots(JdbcTemplate jdbc, boolean shared) {
        this.jdbc = jdbc;
        this.shared = shared;
        this.known = shared ? Map.of() : null;
        this.lockKey = shared ? jdbc.queryForObject("SELECT current_schema()", String.class).hashCode() : 0;
    }

    /** Whether several nodes may switch slots (the table is asked rather than remembered). */
    public boolean shared() {
        return shared;
    }

    /**
     * Which filling of a read model is live: its slot and when it was switched to. A slot filled again by a later
     * rebuild is another generation (what was kept from its earlier filling no longer holds).
     */
    public String generation(String readModel) {
        Live live = current(readModel);
        return live.slot().name() + "." + live.switchedAt().toEpochMilli();
    }

    /** The live slot of a read model. */
    public Slot live(String readModel) {
        return current(readModel).slot();
    }

    /** The live slot of a read model, asked anew each time. */
    public Supplier<Slot> liveSlot(String readModel) {
        live(readModel);
        return () -> live(readModel);
    }

    private Live current(String readModel) {
        Live live = slots().get(readModel);
        if (live == null) {
            throw new IllegalArgumentException("no read model " + readModel);
        }
        return live;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Live> slots() {
        Map<String, Live> locked = (Map<String, Live>) TransactionSynchronizationManager.getResource(this);
        if (locked != null) {
            return locked;
        }
        if (!shared) {
            Map<String, Live> slots = known;
            if (slots == null) {
                synchronized (this) {
                    if (known == null) {
                        known = read();
                    }
                    slots = known;
                }
            }
            return slots;
        }
        View view = VIEWS.get();
        if (view != null) {
            if (view.slots == null) {
                view.slots = read();
            }
            return view.slots;
        }
        return read();
    }

    private Map<String, Live> read() {
        return jdbc.query(SELECT, ReadModelSlots::slotsOf);
    }

    /** The rows of {@link #SELECT}, by read model. */
    private static Map<String, Live> slotsOf(ResultSet rs) throws SQLException {
        Map<String, Live> slots = new HashMap<>();
        while (rs.next()) {
            Instant at = Sql.instant(rs, "switched_at");
            slots.put(rs.getString("name"), new Live(Slot.valueOf(rs.getString("live_slot")),
                    at == null ? Instant.EPOCH : at));
        }
        return Map.copyOf(slots);
    }

    /**
     * In a command's transaction on PostgreSQL: takes the switch lock shared until the transaction ends, then reads
     * the live slots, which the transaction's projections then write (a switch on any node waits for the
     * transaction; one that holds the lock makes it wait, and it then sees the new slot). One round trip.
     */
    public void lockShared() {
        if (!shared || TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        Map<String, Live> slots = jdbc.execute((StatementCallback<Map<String, Live>>) statement -> {
            // Two statements, so the second reads the table as it stands once the lock is held.
            statement.execute("SELECT pg_advisory_xact_lock_shared(" + LOCK_CLASS + ", " + lockKey + "); " + SELECT);
            statement.getMoreResults();
            try (ResultSet rs = statement.getResultSet()) {
                return slotsOf(rs);
            }
        });
        TransactionSynchronizationManager.bindResource(this, slots);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(ReadModelSlots.this);
            }
        });
    }

    /**
     * In a switch's transaction on PostgreSQL: takes the switch lock alone until the transaction ends, waiting for the
     * commands that hold it shared on every node; false if it could not within {@code timeoutMillis}.
     */
    public boolean lockExclusive(long timeoutMillis) {
        if (!shared) {
            return true;
        }
        jdbc.execute("SET LOCAL lock_timeout = '" + timeoutMillis + "ms'");
        try {
            jdbc.execute("SELECT pg_advisory_xact_lock(" + LOCK_CLASS + ", " + lockKey + ")");
            return true;
        } catch (org.springframework.dao.PessimisticLockingFailureException timedOut) {
            return false;
        }
    }

    /**
     * Makes a slot live, in the database, in the caller's transaction (if any); on the embedded database, remembers it
     * once that commits.
     */
    public void switchTo(String readModel, Slot slot, Instant at) {
        jdbc.update("UPDATE read_model SET live_slot = ?, switched_at = ? WHERE name = ?", slot.name(), at(at),
                readModel);
        if (shared) {
            return;
        }
        Runnable remember = () -> {
            Map<String, Live> slots = new HashMap<>(slots());
            slots.put(readModel, new Live(slot, at));
            known = Map.copyOf(slots);
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember.run();
                }
            });
        } else {
            remember.run();
        }
    }

    /**
     * Opens a request's view: the first read model it reads fixes every read model's live slot for the rest of it.
     * Closing it (or {@link #forgetView}) forgets them.
     */
    public View openView() {
        View view = new View();
        VIEWS.set(view);
        return view;
    }

    /** Lets the request's view ask again: after a command, whose transaction may have met a switch. */
    public void forgetView() {
        View view = VIEWS.get();
        if (view != null) {
            view.slots = null;
        }
    }

    /** A request's view of the live slots; closing it forgets them. */
    public static final class View implements AutoCloseable {
        private Map<String, Live> slots;

        private View() {
        }

        @Override
        public void close() {
            VIEWS.remove();
        }
    }
}
