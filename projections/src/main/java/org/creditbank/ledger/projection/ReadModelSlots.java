package org.creditbank.ledger.projection;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.creditbank.ledger.projection.Sql.at;

/** Which slot of each rebuildable read model is live, as the {@code read_model} table says and a switch changes. */
public class ReadModelSlots {

    private final JdbcTemplate jdbc;
    private final Map<String, Slot> live = new ConcurrentHashMap<>();
    private final Map<String, Instant> switchedAt = new ConcurrentHashMap<>();

    public ReadModelSlots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.query("SELECT name, live_slot, switched_at FROM read_model", rs -> {
            live.put(rs.getString("name"), Slot.valueOf(rs.getString("live_slot")));
            Instant at = Sql.instant(rs, "switched_at");
            switchedAt.put(rs.getString("name"), at == null ? Instant.EPOCH : at);
        });
    }

    /**
     * Which filling of a read model is live: its slot and when it was switched to. A slot filled again by a later
     * rebuild is another generation (what was kept from its earlier filling no longer holds).
     */
    public String generation(String readModel) {
        return live(readModel).name() + "." + switchedAt.getOrDefault(readModel, Instant.EPOCH).toEpochMilli();
    }

    /** The live slot of a read model. */
    public Slot live(String readModel) {
        Slot slot = live.get(readModel);
        if (slot == null) {
            throw new IllegalArgumentException("no read model " + readModel);
        }
        return slot;
    }

    /** The live slot of a read model, asked anew each time. */
    public Supplier<Slot> liveSlot(String readModel) {
        live(readModel);
        return () -> live(readModel);
    }

    /** Makes a slot live, in the database (in the caller's transaction, if any) and then here. */
    public void switchTo(String readModel, Slot slot, Instant at) {
        jdbc.update("UPDATE read_model SET live_slot = ?, switched_at = ? WHERE name = ?", slot.name(), at(at),
                readModel);
        switchedAt.put(readModel, at);
        live.put(readModel, slot);
    }
}
