package org.creditbank.ledger.api;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.creditbank.ledger.readmodel.BatchedWrites;
import org.creditbank.ledger.readmodel.BatchedWrites.Columns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit of work's writes come out as if they had run one by one, in the order written, whether its inserts go first
 * (updates of earlier rows commute with them) or everything runs in order (a replace, an insert after an update of
 * its key).
 */
class BatchedWritesTest {

    private static final String TABLE = "batched_rows";
    private static final Columns ROW = Columns.of("id", "owner", "status", "n");

    private final RunningLedger ledger = SharedLedger.get();
    private final JdbcTemplate jdbc = ledger.jdbc();
    private final TransactionTemplate transactions =
            new TransactionTemplate(ledger.bean(PlatformTransactionManager.class));
    private final BatchedWrites writes = new BatchedWrites(jdbc, this);

    @BeforeEach
    void table() {
        jdbc.execute("DROP TABLE IF EXISTS " + TABLE);
        jdbc.execute("CREATE TABLE " + TABLE + " (id VARCHAR(8) PRIMARY KEY, owner VARCHAR(8), status VARCHAR(16),"
                + " n INTEGER)");
        // Rows of an earlier unit of work.
        inUnitOfWork(w -> {
            for (int i = 0; i < 100; i++) {
                w.insert(TABLE, "old" + i, ROW, "old" + i, "L" + (i % 3), "RECORDED", i);
            }
        });
    }

    @Test
    void updatesOfEarlierRowsInterleavedWithInsertsComeOutAsWritten() {
        inUnitOfWork(w -> {
            for (int i = 0; i < 100; i++) {
                w.insert(TABLE, "new" + i, ROW, "new" + i, "L" + (i % 3), "RECORDED", 1000 + i);
                w.update(TABLE, "id", "old" + i, Map.of("status", "CERTIFIED"));
                if (i % 10 == 0) {
                    // Twice the same earlier row, with other columns: the later one wins where they overlap.
                    w.update(TABLE, "id", "old" + i, Map.of("status", "REVOKED", "n", -i));
                }
                // A row of this unit of work, updated: merged into its insert.
                w.update(TABLE, "id", "new" + i, Map.of("status", "CERTIFIED"));
            }
        });

        assertThat(count("status = 'CERTIFIED'")).isEqualTo(190);
        assertThat(count("status = 'REVOKED'")).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT n FROM " + TABLE + " WHERE id = 'old30'", Integer.class)).isEqualTo(-30);
        assertThat(jdbc.queryForObject("SELECT n FROM " + TABLE + " WHERE id = 'new30'", Integer.class))
                .isEqualTo(1030);
        assertThat(count("TRUE")).isEqualTo(200);
    }

    @Test
    void aReplaceKeepsEveryStatementOfItsTableInOrder() {
        inUnitOfWork(w -> {
            w.insert(TABLE, "a", ROW, "a", "L0", "RECORDED", 1);
            // Moves the earlier rows of L0 and the pending "a": not "b", inserted after it.
            w.replace(TABLE, "owner", "L0", "L9");
            w.insert(TABLE, "b", ROW, "b", "L0", "RECORDED", 2);
            w.update(TABLE, "id", "old0", Map.of("status", "CERTIFIED"));
        });

        assertThat(jdbc.queryForObject("SELECT owner FROM " + TABLE + " WHERE id = 'a'", String.class))
                .isEqualTo("L9");
        assertThat(jdbc.queryForObject("SELECT owner FROM " + TABLE + " WHERE id = 'b'", String.class))
                .isEqualTo("L0");
        assertThat(count("owner = 'L9'")).isEqualTo(1 + 34);
        assertThat(jdbc.queryForObject("SELECT status FROM " + TABLE + " WHERE id = 'old0'", String.class))
                .isEqualTo("CERTIFIED");
    }

    @Test
    void anUpdateBeforeItsRowIsInsertedFindsNothing() {
        inUnitOfWork(w -> {
            // As one statement after another would: the update finds no row yet; the insert then stands.
            w.update(TABLE, "id", "late", Map.of("status", "CERTIFIED"));
            w.insert(TABLE, "late", ROW, "late", "L1", "RECORDED", 7);
        });

        assertThat(jdbc.queryForObject("SELECT status FROM " + TABLE + " WHERE id = 'late'", String.class))
                .isEqualTo("RECORDED");
    }

    private void inUnitOfWork(Consumer<BatchedWrites> work) {
        transactions.executeWithoutResult(tx -> {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("x"));
            work.accept(writes);
            unitOfWork.commit();
        });
    }

    private long count(String where) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE " + where, Long.class);
    }
}
