package org.creditbank.ledger.api;

import org.creditbank.ledger.readmodel.RowInserts;
import org.creditbank.ledger.readmodel.Sql;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild writes rows with PostgreSQL's COPY, a command writes them as INSERT parameters: both must store the same
 * values, or the replay check would report rows that differ only in how they were written.
 */
class RowInsertsTest {

    private static final List<String> COLUMNS = List.of("id", "text", "at", "amount", "day", "level", "flag", "big",
            "code", "small");
    /** Numbers of every shape: negative, scaled below and beyond the column's scale, in exponent form, zero, large. */
    private static final BigDecimal[] AMOUNTS = {new BigDecimal("-0.0001"), new BigDecimal("1E+3"),
            new BigDecimal("0.00"), new BigDecimal("123456789012345.1234"), new BigDecimal("-98765.43215"),
            new BigDecimal("10000"), new BigDecimal("0.5")};

    /** Days of years COPY must write as PostgreSQL reads them: short, BC (ISO year 0 is 1 BC), five digits. */
    private static final Map<Integer, LocalDate> EDGE_DAYS = Map.of(3, LocalDate.of(999, 12, 31),
            4, LocalDate.of(5, 1, 1), 6, LocalDate.of(0, 6, 30), 7, LocalDate.of(-44, 3, 15),
            8, LocalDate.of(10000, 1, 1));

    private final RunningLedger ledger = SharedLedger.get();

    @Test
    void copy_and_insert_store_the_same_values_whatever_the_characters_and_digits() {
        JdbcTemplate jdbc = ledger.jdbc();
        TransactionTemplate transactions = new TransactionTemplate(ledger.bean(PlatformTransactionManager.class));
        for (String table : List.of("copied_rows", "inserted_rows")) {
            jdbc.execute("DROP TABLE IF EXISTS " + table);
            jdbc.execute("CREATE TABLE " + table + " (id INTEGER NOT NULL, text VARCHAR(255), at TIMESTAMP WITH TIME"
                    + " ZONE, amount NUMERIC(19, 4), day DATE, level INTEGER, flag BOOLEAN, big BIGINT, code CHAR(18),"
                    + " small SMALLINT)");
        }
        String[] texts = {"plain", "tab\there", "line\nbreak", "carriage\rreturn", "back\\slash", "\\N", "",
                "学分银行 credit bank", "quote ' and \" both", "trailing\\", "café\tcrème\\brûlée",
                "学分\n银行\\", "emoji 🎓 after\tand", "Ü"};
        Instant base = Instant.parse("2026-11-23T02:16:35.881962500Z");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            boolean blank = i % 10 == 9;
            rows.add(new Object[] {i, texts[i % texts.length],
                    blank ? null : Sql.at(i == 4 ? Instant.parse("0005-03-01T10:00:00.5Z")
                            : i == 6 ? Instant.parse("-0001-12-31T23:59:59Z") : base.plusNanos(i * 123_456_789L)),
                    blank ? null : i % 3 == 0 ? AMOUNTS[i % AMOUNTS.length]
                            : new BigDecimal("12.5").add(BigDecimal.valueOf(i, 3)),
                    blank ? null : EDGE_DAYS.getOrDefault(i, LocalDate.of(2019, 5, 1).plusDays(i)),
                    blank ? null : i * 7, blank ? null : i % 2 == 0,
                    blank ? null : i % 2 == 0 ? (long) i * -10_000_000_019L : Long.MAX_VALUE - i,
                    blank ? null : "3301" + i, blank ? null : i - 50});
        }

        transactions.executeWithoutResult(tx -> RowInserts.insert(jdbc, "copied_rows", COLUMNS, rows));
        for (Object[] row : rows) {
            // One row at a time: the INSERT path, as a command writes.
            RowInserts.insert(jdbc, "inserted_rows", COLUMNS, List.<Object[]>of(row));
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM copied_rows", Long.class)).isEqualTo(100);
        assertThat(jdbc.queryForList("SELECT * FROM copied_rows EXCEPT SELECT * FROM inserted_rows")).isEmpty();
        assertThat(jdbc.queryForList("SELECT * FROM inserted_rows EXCEPT SELECT * FROM copied_rows")).isEmpty();
        Map<String, Object> tricky = jdbc.queryForMap("SELECT text FROM copied_rows WHERE id = 1");
        assertThat(tricky.get("text")).isEqualTo("tab\there");
        assertThat(jdbc.queryForObject("SELECT text FROM copied_rows WHERE id = 5", String.class)).isEqualTo("\\N");
        assertThat(jdbc.queryForObject("SELECT text FROM copied_rows WHERE id = 12", String.class))
                .isEqualTo("emoji 🎓 after\tand");
        EDGE_DAYS.forEach((id, day) -> assertThat(jdbc.queryForObject("SELECT to_char(day, 'YYYY-MM-DD AD')"
                + " FROM copied_rows WHERE id = ?", String.class, id)).as("day of row %d", id)
                .isEqualTo(day.getYear() > 0 ? String.format("%04d-%02d-%02d AD", day.getYear(), day.getMonthValue(),
                        day.getDayOfMonth()) : String.format("%04d-%02d-%02d BC", 1 - day.getYear(),
                        day.getMonthValue(), day.getDayOfMonth())));
        assertThat(jdbc.queryForObject("SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US AD')"
                + " FROM copied_rows WHERE id = 6", String.class)).isEqualTo("0002-12-31 23:59:59.000000 BC");
        assertThat(jdbc.queryForObject("SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US AD')"
                + " FROM copied_rows WHERE id = 4", String.class)).isEqualTo("0005-03-01 10:00:00.500000 AD");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM copied_rows WHERE at IS NULL", Long.class))
                .isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT to_char(at, 'SS.US') FROM copied_rows WHERE id = 0", String.class))
                .as("cut to the microsecond, not rounded").isEqualTo("35.881962");
        for (String table : List.of("copied_rows", "inserted_rows")) {
            jdbc.execute("DROP TABLE " + table);
        }
    }
}
