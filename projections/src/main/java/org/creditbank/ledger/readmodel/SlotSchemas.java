package org.creditbank.ledger.readmodel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.creditbank.ledger.readmodel.Sql.at;

/**
 * Makes each read model's slots from its template, and remembers in {@code read_model_slot} which template made each.
 *
 * <ul>
 *     <li>At start ({@link #prepare}): a declared read model the database does not know yet gets its row in
 *     {@code read_model} (slot A live) and its three slots. A slot made from another template is made anew; the live
 *     one is never touched while it serves, but is reported stale: the engine rebuilds the read model before the node
 *     serves. A live slot made while the store already held events is empty, and stale too.</li>
 *     <li>Before a rebuild fills the idle slot ({@link #remake}): it is made anew, whatever it held, so a rebuild
 *     always starts from the template as declared (a rebuild cut off with its indexes dropped leaves nothing
 *     behind).</li>
 * </ul>
 * On PostgreSQL, {@link #prepare} changes tables under the switch lock held alone: no command of any node writes a
 * read model meanwhile, and two nodes starting at once make each slot once.
 */
public final class SlotSchemas {

    /** How long a node's start waits for the commands of the other nodes to let it change the slots. */
    private static final long LOCK_WAIT_MILLIS = 60_000;

    private final JdbcTemplate jdbc;
    private final Dialect dialect;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile Set<String> stale = Set.of();

    /** What made one slot: the template's SHA-256 (null: made, never filled) and the tables' base names. */
    private record Made(String sha256, List<String> tables) {
    }

    public SlotSchemas(JdbcTemplate jdbc, Dialect dialect, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Makes every slot the declarations need; remembers (see {@link #stale}) the read models whose live slot must be
     * rebuilt before the node serves.
     */
    public void prepare(Collection<ReadModel> models, ReadModelSlots slots) {
        if (models.stream().allMatch(this::ready)) {
            stale = Set.of();
            return;
        }
        stale = Set.copyOf(transactions.execute(tx -> {
            if (!slots.lockExclusive(LOCK_WAIT_MILLIS)) {
                throw new IllegalStateException("the read models' slots could not be made: commands of other nodes"
                        + " held the switch lock for " + LOCK_WAIT_MILLIS / 1000 + " s");
            }
            boolean events = !jdbc.queryForList("SELECT global_index FROM domain_event_entry ORDER BY global_index"
                    + " FETCH FIRST 1 ROWS ONLY", Long.class).isEmpty();
            Set<String> rebuild = new TreeSet<>();
            for (ReadModel model : models) {
                if (prepare(model, events)) {
                    rebuild.add(model.name());
                }
            }
            return rebuild;
        }));
    }

    /** Makes one read model's slots; true if its live slot must be rebuilt. */
    private boolean prepare(ReadModel model, boolean events) {
        String sha256 = model.template().sha256(dialect);
        List<String> live = jdbc.queryForList("SELECT live_slot FROM read_model WHERE name = ?", String.class,
                model.name());
        Slot serving = live.isEmpty() ? Slot.A : Slot.valueOf(live.get(0));
        if (live.isEmpty()) {
            jdbc.update("INSERT INTO read_model (name, live_slot) VALUES (?, ?)", model.name(), serving.name());
        }
        Map<Slot, Made> made = made(model.name());
        boolean rebuild = false;
        for (Slot slot : Slot.values()) {
            Made was = made.get(slot);
            if (was != null && sha256.equals(was.sha256())) {
                continue;
            }
            if (slot == serving && was != null) {
                // Made from another template, or never filled: serving it with this node's projection would be
                // wrong, and changing it under the nodes still serving it too. The rebuild makes the other slot.
                rebuild = true;
                continue;
            }
            boolean empty = slot == serving && events;
            make(model, slot, was, empty ? null : sha256);
            rebuild |= empty;
        }
        return rebuild;
    }

    /**
     * The read models whose live slot {@link #prepare} found made from another template, or never filled: to be
     * rebuilt before this node serves them.
     */
    public Set<String> stale() {
        return stale;
    }

    /** Whether a read model's live slot was made from its template and filled. */
    public boolean current(ReadModel model, Slot live) {
        Made made = made(model.name()).get(live);
        return made != null && model.template().sha256(dialect).equals(made.sha256());
    }

    /** Makes a slot anew from the read model's template, in the caller's transaction: empty, as declared. */
    public void remake(ReadModel model, Slot slot) {
        make(model, slot, made(model.name()).get(slot), model.template().sha256(dialect));
    }

    private boolean ready(ReadModel model) {
        String sha256 = model.template().sha256(dialect);
        Map<Slot, Made> made = made(model.name());
        return made.size() == Slot.values().length
                && made.values().stream().allMatch(m -> sha256.equals(m.sha256()));
    }

    private void make(ReadModel model, Slot slot, Made was, String sha256) {
        // The tables it was made with (a template may have dropped one since), and those it is made with now: each
        // set children first, as a table's foreign keys name tables made before it.
        List<String> drop = new ArrayList<>(was == null ? List.of() : was.tables());
        Collections.reverse(drop);
        model.tables().stream().filter(table -> !drop.contains(table)).forEach(drop::add);
        for (String table : drop) {
            jdbc.execute("DROP TABLE IF EXISTS " + slot.table(table));
        }
        String sql = model.template().sql(dialect, slot);
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            ScriptUtils.executeSqlScript(connection, new org.springframework.core.io.ByteArrayResource(
                    sql.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return null;
        });
        jdbc.update("DELETE FROM read_model_slot WHERE read_model = ? AND slot = ?", model.name(), slot.name());
        jdbc.update("INSERT INTO read_model_slot (read_model, slot, template_sha256, table_names, made_at)"
                        + " VALUES (?, ?, ?, ?, ?)", model.name(), slot.name(), sha256,
                String.join(",", model.template().tables()), at(clock.instant()));
    }

    private Map<Slot, Made> made(String readModel) {
        Map<Slot, Made> made = new HashMap<>();
        jdbc.query("SELECT slot, template_sha256, table_names FROM read_model_slot WHERE read_model = ?", rs -> {
            made.put(Slot.valueOf(rs.getString(1)), new Made(rs.getString(2),
                    Arrays.asList(rs.getString(3).split(","))));
        }, readModel);
        return made;
    }
}
