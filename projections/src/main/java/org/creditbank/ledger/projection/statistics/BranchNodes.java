package org.creditbank.ledger.projection.statistics;

import org.creditbank.ledger.readmodel.Slot;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Every node an act at a branch counts at ({@link Reach#nodes}), from the branch's lineage and division. */
public interface BranchNodes {

    /** The nodes of the branch; fails for a branch the register does not know (a broken store). */
    List<String> of(String branch);

    /**
     * The nodes as the branch register's live slot says, read once per branch and kept: a branch never moves, so
     * its nodes are fixed when it is registered.
     */
    static BranchNodes fromRegister(JdbcTemplate jdbc, Supplier<Slot> register) {
        Map<String, List<String>> known = new ConcurrentHashMap<>();
        return branch -> known.computeIfAbsent(branch, code -> {
            List<List<String>> found = jdbc.query("SELECT lineage, division_code FROM " + register.get()
                            .table("branch") + " WHERE code = ?",
                    (rs, i) -> Reach.nodes(code, rs.getString(1), rs.getString(2)), code);
            if (found.isEmpty()) {
                throw new IllegalStateException("statistics know no branch " + code);
            }
            return found.get(0);
        });
    }
}
