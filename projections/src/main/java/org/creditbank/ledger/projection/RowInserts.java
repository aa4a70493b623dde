package org.creditbank.ledger.projection;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Inserts many rows into one table in the caller's transaction: with PostgreSQL's {@code COPY} when there are enough
 * of them to be worth it (a rebuild's batches), otherwise as one JDBC batch of INSERTs. Both store the same values:
 * the replay check compares rows written one way with rows written the other.
 *
 * <p>Values are the projections' parameter types: strings, numbers, booleans, {@link java.time.LocalDate} and
 * {@link OffsetDateTime}, or null.
 */
public final class RowInserts {

    /** Fewer rows than this go as INSERTs: COPY's round trips cost more than it saves. */
    static final int COPY_FROM = 64;

    /** "00" to "99". */
    private static final String[] TWO_DIGITS = IntStream.range(0, 100).mapToObj(i -> (i < 10 ? "0" : "") + i)
            .toArray(String[]::new);

    private RowInserts() {
    }

    /** Inserts {@code rows}, each with one value per column of {@code columns}, into {@code table}. */
    public static void insert(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() >= COPY_FROM && Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.isWrapperFor(PGConnection.class) && copy(connection, table, columns, rows)))) {
            return;
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        if (rows.size() == 1) {
            jdbc.update(sql, rows.get(0));
        } else {
            jdbc.batchUpdate(sql, rows);
        }
    }

    private static boolean copy(Connection connection, String table, List<String> columns, List<Object[]> rows)
            throws java.sql.SQLException {
        StringBuilder text = new StringBuilder(rows.size() * 160);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                append(text, row[i]);
            }
            text.append('\n');
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " ("
                    + String.join(", ", columns) + ") FROM STDIN", new StringReader(text.toString()));
        } catch (java.io.IOException e) {
            throw new java.sql.SQLException("COPY into " + table + " failed", e);
        }
        return true;
    }

    /** Whether the text needs no escaping in COPY's text format (the JDK vectorises {@code indexOf}). */
    private static boolean plain(String s) {
        return s.indexOf('\\') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0;
    }

    /**
     * {@code 2026-11-23 02:10:00.123456Z}: to the microsecond, as {@link Sql#at} gives every time (PostgreSQL's own
     * rounding of finer digits does not always agree with itself, and the replay check would see a row differ).
     * Written two digits at a time: a rebuild writes millions of times.
     */
    private static void timestamp(StringBuilder text, OffsetDateTime at) {
        int year = at.getYear();
        if (year < 1000 || year > 9999) {
            text.append(year);
        } else {
            text.append(TWO_DIGITS[year / 100]).append(TWO_DIGITS[year % 100]);
        }
        text.append('-').append(TWO_DIGITS[at.getMonthValue()]).append('-').append(TWO_DIGITS[at.getDayOfMonth()])
                .append(' ').append(TWO_DIGITS[at.getHour()]).append(':').append(TWO_DIGITS[at.getMinute()])
                .append(':').append(TWO_DIGITS[at.getSecond()]).append('.');
        int micros = at.getNano() / 1000;
        text.append(TWO_DIGITS[micros / 10_000]).append(TWO_DIGITS[micros / 100 % 100])
                .append(TWO_DIGITS[micros % 100]).append(at.getOffset().getId());
    }

    /** One value in COPY's text format. */
    private static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String s) {
            if (plain(s)) {
                text.append(s);
                return;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    case '\t' -> text.append("\\t");
                    default -> text.append(c);
                }
            }
        } else if (value instanceof OffsetDateTime at) {
            timestamp(text, at);
        } else if (value instanceof BigDecimal decimal) {
            text.append(decimal.toPlainString());
        } else if (value instanceof Boolean flag) {
            text.append(flag ? 't' : 'f');
        } else if (value instanceof Number || value instanceof java.time.LocalDate) {
            text.append(value);
        } else {
            throw new IllegalArgumentException("no COPY text for a " + value.getClass().getName());
        }
    }
}
