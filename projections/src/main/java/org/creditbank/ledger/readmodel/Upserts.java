package org.creditbank.ledger.readmodel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Statements that add to sums kept by key, in either database's SQL. */
public final class Upserts {

    private Upserts() {
    }

    /**
     * The statement that adds each row's {@code sums} to the row of {@code table} with the same {@code keys}, and
     * inserts the keys not there yet; its parameters are the keys, then the sums. Columns come as {@code name TYPE}:
     * H2's MERGE casts its parameters. On PostgreSQL it is a plain INSERT, which the driver sends many rows at a time.
     */
    public static String addTo(Dialect dialect, String table, List<String> keys, List<String> sums) {
        List<String> keyNames = keys.stream().map(c -> c.split(" ", 2)[0]).toList();
        List<String> sumNames = sums.stream().map(c -> c.split(" ", 2)[0]).toList();
        List<String> names = new ArrayList<>(keyNames);
        names.addAll(sumNames);
        String columns = String.join(", ", names);
        if (dialect == Dialect.POSTGRESQL) {
            return "INSERT INTO " + table + " AS t (" + columns + ") VALUES ("
                    + String.join(", ", Collections.nCopies(names.size(), "?")) + ") ON CONFLICT ("
                    + String.join(", ", keyNames) + ") DO UPDATE SET "
                    + String.join(", ", sumNames.stream().map(c -> c + " = t." + c + " + EXCLUDED." + c).toList());
        }
        List<String> casts = new ArrayList<>(keys);
        casts.addAll(sums);
        return "MERGE INTO " + table + " t USING (VALUES ("
                + String.join(", ", casts.stream().map(c -> "CAST(? AS " + c.split(" ", 2)[1] + ")").toList())
                + ")) AS s (" + columns + ") ON "
                + String.join(" AND ", keyNames.stream().map(c -> "t." + c + " = s." + c).toList())
                + " WHEN MATCHED THEN UPDATE SET "
                + String.join(", ", sumNames.stream().map(c -> c + " = t." + c + " + s." + c).toList())
                + " WHEN NOT MATCHED THEN INSERT (" + columns + ") VALUES ("
                + String.join(", ", names.stream().map(c -> "s." + c).toList()) + ")";
    }
}
