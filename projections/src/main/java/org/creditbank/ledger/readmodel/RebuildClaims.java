package org.creditbank.ledger.readmodel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/**
 * One rebuild of a read model at a time across every node sharing the database: the rebuilding node claims the read
 * model's row of {@code read_model} under its name and renews the claim every {@link #RENEWAL} while it rebuilds; a
 * claim not renewed for {@value #EXPIRY_SECONDS} s is a dead node's, and another node may claim it. Claims are timed
 * by the database's clock, which every node shares.
 */
final class RebuildClaims {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildClaims.class);
    /** How often the rebuilding node renews its claim. */
    static final Duration RENEWAL = Duration.ofSeconds(5);
    private static final int EXPIRY_SECONDS = 30;
    private static final String LIVE = "CURRENT_TIMESTAMP - INTERVAL '" + EXPIRY_SECONDS + "' SECOND";

    private final JdbcTemplate jdbc;
    private final String node;

    RebuildClaims(JdbcTemplate jdbc, String node) {
        this.jdbc = jdbc;
        this.node = node;
    }

    /** This node, as its claims name it. */
    String node() {
        return node;
    }

    /** Claims a read model's rebuild for this node; false if another node's claim on it is live. */
    boolean claim(String name) {
        return jdbc.update("UPDATE read_model SET rebuild_node = ?, rebuild_renewed_at = CURRENT_TIMESTAMP"
                + " WHERE name = ? AND (rebuild_node IS NULL OR rebuild_node = ? OR rebuild_renewed_at < " + LIVE
                + ")", node, name, node) == 1;
    }

    /** Renews this node's claim on a read model's rebuild. */
    void renew(String name) {
        jdbc.update("UPDATE read_model SET rebuild_renewed_at = CURRENT_TIMESTAMP WHERE name = ? AND rebuild_node = ?",
                name, node);
    }

    /**
     * Gives a read model's rebuild claim up, if this node holds it. Should the database be away, the claim lapses by
     * itself: a rebuild's end is never held up by it.
     */
    void release(String name) {
        try {
            jdbc.update("UPDATE read_model SET rebuild_node = NULL, rebuild_renewed_at = NULL"
                    + " WHERE name = ? AND rebuild_node = ?", name, node);
        } catch (DataAccessException e) {
            LOG.warn("Could not give up the claim on rebuilding {}; it lapses in {} s: {}", name, EXPIRY_SECONDS,
                    e.getMessage());
        }
    }

    /** The node whose claim on rebuilding a read model is live, or null. */
    String holder(String name) {
        return jdbc.queryForList("SELECT rebuild_node FROM read_model WHERE name = ? AND rebuild_node IS NOT NULL"
                + " AND rebuild_renewed_at >= " + LIVE, String.class, name).stream().findFirst().orElse(null);
    }
}
