package org.creditbank.ledger.projection.statistics;

import org.creditbank.ledger.projection.statistics.StatisticsQueries.Query;
import org.creditbank.ledger.readmodel.Slot;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.creditbank.ledger.readmodel.Sql.at;

/**
 * A question's conditions in SQL, as the sums and the learners counted from them share them: the served slot's tables,
 * the asked jurisdiction (the acting branch joined as {@code b}) and the question's times (on {@code f}).
 */
final class QueryConditions {

    private final Supplier<Slot> slot;
    private final Supplier<Slot> branches;
    private final ZoneId zone;

    /**
     * Conditions on the tables of the slot {@code slot} gives at each query, and on the branch register's live slot
     * ({@code branches}), times counted in {@code zone}.
     */
    QueryConditions(Supplier<Slot> slot, Supplier<Slot> branches, ZoneId zone) {
        this.slot = slot;
        this.branches = branches;
        this.zone = zone;
    }

    static final class Where {
        String sql;
        final List<Object> args = new ArrayList<>();
    }

    /** The acting branch joined as {@code b}, within the asked jurisdiction; and the question's times. */
    Where where(Query query, boolean monthly) {
        Where where = scope(query);
        where.sql += times(query, monthly, where.args);
        return where;
    }

    /** The acting branch joined as {@code b}, within the asked jurisdiction. */
    Where scope(Query query) {
        Where where = new Where();
        StringBuilder sql = new StringBuilder(" JOIN " + branchTable() + " b ON b.code = f.branch_code");
        if (query.branch() != null) {
            sql.append(" AND b.lineage LIKE ?");
            where.args.add("%/" + query.branch() + "/%");
        }
        where.sql = sql.append(" WHERE 1 = 1").toString();
        return where;
    }

    /** The question's times as conditions on {@code f} (monthly: on its months), their parameters added to args. */
    String times(Query query, boolean monthly, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (monthly) {
            if (query.from() != null) {
                sql.append(" AND f.month_start >= ?");
                args.add(query.from());
            }
            if (query.to() != null) {
                sql.append(" AND f.month_start <= ?");
                args.add(query.to().withDayOfMonth(1));
            }
            return sql.toString();
        }
        if (query.from() != null) {
            sql.append(" AND f.recorded_at >= ?");
            args.add(at(query.from().atStartOfDay(zone).toInstant()));
        }
        if (query.to() != null) {
            sql.append(" AND f.recorded_at < ?");
            args.add(at(query.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (query.asOf() != null) {
            sql.append(" AND f.recorded_at <= ?");
            args.add(at(query.asOf()));
        }
        if (query.achievedBefore() != null) {
            sql.append(" AND (f.achieved_on < ? OR (f.achieved_on IS NULL AND f.recorded_at < ?))");
            args.add(query.achievedBefore());
            args.add(at(query.achievedBefore().atStartOfDay(zone).toInstant()));
        }
        return sql.toString();
    }

    /** The served slot's table of the given base name. */
    String table(String base) {
        return slot.get().table(base);
    }

    /** The branch register's live table of branches. */
    String branchTable() {
        return branches.get().table("branch");
    }
}
