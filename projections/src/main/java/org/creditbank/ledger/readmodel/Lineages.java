package org.creditbank.ledger.readmodel;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tree kept as lineages, each node's path from the root ({@code /root/child/node/}): how figures of a subtree roll up
 * into the groups below its top (the branch network's jurisdictions).
 */
public final class Lineages {

    private Lineages() {
    }

    /**
     * For a by-child question: each node of {@code top}'s subtree to its group, {@code top} itself or the child of it
     * that the node is below (null: the whole tree, grouped by its root).
     *
     * @param table a table with the columns {@code code} and {@code lineage}
     */
    public static Map<String, String> groupsBelow(JdbcTemplate jdbc, String table, String top) {
        Map<String, String> groups = new LinkedHashMap<>();
        String path = top == null ? "" : "/" + top + "/";
        jdbc.query("SELECT code, lineage FROM " + table + " WHERE lineage LIKE ?", rs -> {
            String code = rs.getString("code");
            String lineage = rs.getString("lineage");
            if (code.equals(top)) {
                groups.put(code, code);
            } else {
                // The first node below the top on this node's path (below the root: the root itself).
                String below = lineage.substring(top == null ? 1 : lineage.indexOf(path) + path.length());
                groups.put(code, below.substring(0, below.indexOf('/')));
            }
        }, "%" + path + "%");
        return groups;
    }
}
