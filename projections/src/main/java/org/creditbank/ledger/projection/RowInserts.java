package org.creditbank.ledger.projection;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;

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
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " ("
                + String.join(", ", columns) + ") FROM STDIN");
        try {
            CopyText text = new CopyText(copy);
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        text.put('\t');
                    }
                    text.value(row[i]);
                }
                text.put('\n');
            }
            text.flush();
            copy.endCopy();
        } catch (java.sql.SQLException | RuntimeException e) {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (java.sql.SQLException cancelling) {
                    e.addSuppressed(cancelling);
                }
            }
            throw e;
        }
        return true;
    }

    /**
     * Rows in COPY's text format, written as UTF-8 straight into a buffer that goes to the server each time it fills:
     * no text of the whole batch is built, copied and encoded again (a rebuild writes gigabytes).
     */
    private static final class CopyText {

        private static final int SIZE = 1 << 16;

        private final CopyIn copy;
        private final byte[] buffer = new byte[SIZE];
        private int length;

        CopyText(CopyIn copy) {
            this.copy = copy;
        }

        void put(char ascii) throws java.sql.SQLException {
            if (length == SIZE) {
                flush();
            }
            buffer[length++] = (byte) ascii;
        }

        private void ascii(String s) throws java.sql.SQLException {
            for (int i = 0; i < s.length(); i++) {
                put(s.charAt(i));
            }
        }

        private void twoDigits(int value) throws java.sql.SQLException {
            put((char) ('0' + value / 10));
            put((char) ('0' + value % 10));
        }

        void flush() throws java.sql.SQLException {
            if (length > 0) {
                copy.writeToCopy(buffer, 0, length);
                length = 0;
            }
        }

        /** One value. */
        void value(Object value) throws java.sql.SQLException {
            if (value == null) {
                put('\\');
                put('N');
            } else if (value instanceof String s) {
                text(s);
            } else if (value instanceof OffsetDateTime at) {
                timestamp(at);
            } else if (value instanceof LocalDate day) {
                date(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
                era(day.getYear());
            } else if (value instanceof BigDecimal decimal) {
                ascii(decimal.toPlainString());
            } else if (value instanceof Boolean flag) {
                put(flag ? 't' : 'f');
            } else if (value instanceof Number) {
                ascii(value.toString());
            } else {
                throw new IllegalArgumentException("no COPY text for a " + value.getClass().getName());
            }
        }

        /**
         * Text with COPY's escapes; characters beyond ASCII as UTF-8 (whose bytes never look like an escape). Text of
         * plain ASCII, nearly all of it (identifiers, codes), goes straight into the buffer.
         */
        private void text(String s) throws java.sql.SQLException {
            int n = s.length();
            if (SIZE - length < n) {
                flush();
            }
            if (n > SIZE) {
                escaped(s, 0);
                return;
            }
            byte[] out = buffer;
            int at = length;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80 || c == '\\' || c < 0x20) {
                    length = at;
                    escaped(s, i);
                    return;
                }
                out[at++] = (byte) c;
            }
            length = at;
        }

        /** The text from {@code from} on, byte by byte. */
        private void escaped(String s, int from) throws java.sql.SQLException {
            for (byte b : s.substring(from).getBytes(StandardCharsets.UTF_8)) {
                escaped(b);
            }
        }

        private void escaped(byte b) throws java.sql.SQLException {
            switch (b) {
                case '\\' -> {
                    put('\\');
                    put('\\');
                }
                case '\n' -> {
                    put('\\');
                    put('n');
                }
                case '\r' -> {
                    put('\\');
                    put('r');
                }
                case '\t' -> {
                    put('\\');
                    put('t');
                }
                default -> {
                    if (length == SIZE) {
                        flush();
                    }
                    buffer[length++] = b;
                }
            }
        }

        /**
         * {@code 2026-11-23}, the year in at least four digits, as PostgreSQL reads it (and as the driver writes a
         * parameter): a year before 1 as its year BC (ISO year 0 is 1 BC), marked by {@link #era} after the value.
         */
        private void date(int year, int month, int day) throws java.sql.SQLException {
            if (year < 1000 || year > 9999) {
                String digits = Integer.toString(year > 0 ? year : 1 - year);
                for (int i = digits.length(); i < 4; i++) {
                    put('0');
                }
                ascii(digits);
            } else {
                twoDigits(year / 100);
                twoDigits(year % 100);
            }
            put('-');
            twoDigits(month);
            put('-');
            twoDigits(day);
        }

        /**
         * {@code 2026-11-23 02:10:00.123456Z}: to the microsecond, as {@link Sql#at} gives every time (PostgreSQL's
         * own rounding of finer digits does not always agree with itself, and the replay check would see a row
         * differ).
         */
        private void timestamp(OffsetDateTime at) throws java.sql.SQLException {
            date(at.getYear(), at.getMonthValue(), at.getDayOfMonth());
            put(' ');
            twoDigits(at.getHour());
            put(':');
            twoDigits(at.getMinute());
            put(':');
            twoDigits(at.getSecond());
            put('.');
            int micros = at.getNano() / 1000;
            twoDigits(micros / 10_000);
            twoDigits(micros / 100 % 100);
            twoDigits(micros % 100);
            ascii(at.getOffset().getId());
            era(at.getYear());
        }

        /** " BC" after a date or time before the year 1. */
        private void era(int year) throws java.sql.SQLException {
            if (year <= 0) {
                ascii(" BC");
            }
        }
    }
}
