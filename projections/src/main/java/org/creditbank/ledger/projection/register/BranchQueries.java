package org.creditbank.ledger.projection.register;

import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import java.util.function.Supplier;

import java.util.List;
import java.util.Optional;

/** Reads of the branch register for people: a branch, its officers and its subtree. */
public class BranchQueries {

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;

    /** @param slot the register's slot, asked at each use (a rebuild switches the live one) */
    public BranchQueries(JdbcTemplate jdbc, Supplier<Slot> slot) {
        this.jdbc = jdbc;
        this.slot = slot;
    }

    /** The branch with its children down to {@code depth} levels (0: the branch alone). */
    public Optional<BranchView> branch(String code, int depth) {
        return jdbc.query(slot.get().sql(
                "SELECT * FROM {branch} WHERE code = ?"), (rs, i) -> rs.getString("code"), code).stream()
                .findFirst().map(found -> view(found, depth));
    }

    /** The code of the provincial centre, if registered. */
    public Optional<String> root() {
        return jdbc.queryForList(slot.get().sql(
                "SELECT code FROM {provincial_centre}"), String.class).stream().findFirst();
    }

    private BranchView view(String code, int depth) {
        List<BranchView.Officer> officers = jdbc.query(slot.get().sql(
                "SELECT officer_id, name, appointed_at FROM {branch_officer} WHERE branch_code = ?"
                        + " ORDER BY officer_id"),
                (rs, i) -> new BranchView.Officer(rs.getString("officer_id"), rs.getString("name"),
                        Sql.instant(rs, "appointed_at")), code);
        List<String> childCodes = jdbc.queryForList(slot.get().sql(
                "SELECT code FROM {branch} WHERE parent_code = ? ORDER BY code"),
                String.class, code);
        List<BranchView> children = depth <= 0 ? List.of()
                : childCodes.stream().map(child -> view(child, depth - 1)).toList();
        return jdbc.queryForObject(slot.get().sql("SELECT * FROM {branch} WHERE code = ?"), (rs, i) -> new BranchView(
                rs.getString("code"), rs.getString("name"), rs.getString("tier"), rs.getString("parent_code"),
                rs.getString("division_code"), rs.getString("status"),
                JdbcBranchDirectory.lineage(rs.getString("lineage")), Sql.instant(rs, "registered_at"), officers,
                childCodes.size(), children), code);
    }
}
