package org.creditbank.ledger.projection.actlog;

import org.creditbank.ledger.readmodel.Sql;
import org.creditbank.ledger.readmodel.Slot;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.Supplier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads of the act log: every act on a learner's account, by an officer, or within a branch's jurisdiction. */
public class ActLogQueries {

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;
    private final Supplier<Slot> branches;

    /**
     * @param slot     the slot to read, asked at each query (a rebuild switches the live one)
     * @param branches the branch register's slot, which a question of a jurisdiction joins
     */
    public ActLogQueries(JdbcTemplate jdbc, Supplier<Slot> slot, Supplier<Slot> branches) {
        this.jdbc = jdbc;
        this.slot = slot;
        this.branches = branches;
    }

    /** One act. */
    public record Act(String eventId, String stream, long sequenceNumber, String type, String officerId,
                      String branchCode, String correlationId, Instant at) {
    }

    /** What to select; null parts select everything. {@code branch} includes the branches under it. */
    public record Filter(String learnerNumber, String officerId, String branch) {
    }

    /** Matching acts, newest first. */
    public List<Act> acts(Filter filter, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT a.* FROM " + t("ledger_act") + " a");
        List<Object> args = new ArrayList<>();
        if (filter.branch() != null) {
            sql.append(" JOIN " + branches.get().table("branch") + " b ON b.code = a.branch_code AND b.lineage LIKE ?");
            args.add("%/" + filter.branch() + "/%");
        }
        sql.append(" WHERE 1 = 1");
        if (filter.learnerNumber() != null) {
            sql.append(" AND a.aggregate_identifier = ?");
            args.add(filter.learnerNumber());
        }
        if (filter.officerId() != null) {
            sql.append(" AND a.officer_id = ?");
            args.add(filter.officerId());
        }
        sql.append(" ORDER BY a.acted_at DESC, a.aggregate_identifier, a.sequence_number DESC LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), (rs, i) -> new Act(rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("event_type"),
                rs.getString("officer_id"), rs.getString("branch_code"), rs.getString("correlation_id"),
                Sql.instant(rs, "acted_at")), args.toArray());
    }

    private String t(String base) {
        return slot.get().table(base);
    }
}
