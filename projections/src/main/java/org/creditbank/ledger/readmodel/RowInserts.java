package org.creditbank.ledger.readmodel;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.ByteConverter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts many rows into one table in the caller's transaction: with PostgreSQL's {@code COPY} when there are enough
 * of them to be worth it (a rebuild's batches), otherwise as one JDBC batch of INSERTs. Both store the same values:
 * the replay check compares rows written one way with rows written the other.
 *
 * <p>{@code COPY} sends its rows in PostgreSQL's binary format: the server reads each value as it is stored (a time
 * as microseconds, a number as its base-10000 digits) instead of parsing its text, and nothing needs escaping. Each
 * value is encoded for its column's type, read from the catalogue for each {@code COPY}.
 *
 * <p>Values are the projections' parameter types: strings, numbers, booleans, {@link LocalDate} and
 * {@link OffsetDateTime}, or null.
 */
public final class RowInserts {

    /** Fewer rows than this go as INSERTs: COPY's round trips cost more than it saves. */
    static final int COPY_FROM = 64;

    /** The column types {@code COPY} writes (PostgreSQL's built-in type identifiers). */
    private static final int BOOL = 16;
    private static final int INT8 = 20;
    private static final int INT2 = 21;
    private static final int INT4 = 23;
    private static final int TEXT = 25;
    private static final int BPCHAR = 1042;
    private static final int VARCHAR = 1043;
    private static final int DATE = 1082;
    private static final int TIMESTAMPTZ = 1184;
    private static final int NUMERIC = 1700;

    /** 2000-01-01, where PostgreSQL counts dates (in days) and times (in microseconds) from. */
    private static final long EPOCH_DAY_2000 = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long EPOCH_SECOND_2000 = EPOCH_DAY_2000 * 86_400;

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
            throws SQLException {
        int[] types = types(connection, table, columns);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " ("
                + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)");
        try {
            BinaryRows out = new BinaryRows(copy);
            out.header();
            for (Object[] row : rows) {
                out.int16(row.length);
                for (int i = 0; i < row.length; i++) {
                    out.value(types[i], row[i], columns.get(i));
                }
            }
            out.int16(-1);
            out.flush();
            copy.endCopy();
        } catch (SQLException | RuntimeException e) {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException cancelling) {
                    e.addSuppressed(cancelling);
                }
            }
            throw e;
        }
        return true;
    }

    /** The type of each column, as the table found on the connection's search path has it. */
    private static int[] types(Connection connection, String table, List<String> columns) throws SQLException {
        Map<String, Integer> byName = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT attname, atttypid FROM pg_attribute"
                + " WHERE attrelid = CAST(? AS regclass) AND attnum > 0 AND NOT attisdropped")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    byName.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        int[] types = new int[columns.size()];
        for (int i = 0; i < types.length; i++) {
            Integer type = byName.get(columns.get(i));
            if (type == null) {
                throw new IllegalArgumentException(table + " has no column " + columns.get(i));
            }
            types[i] = type;
        }
        return types;
    }

    /**
     * Rows in COPY's binary format, written straight into a buffer that goes to the server each time it fills: no
     * batch of rows is built, copied and encoded again (a rebuild writes gigabytes).
     */
    private static final class BinaryRows {

        private static final int SIZE = 1 << 16;
        private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

        private final CopyIn copy;
        private final byte[] buffer = new byte[SIZE];
        private int length;

        BinaryRows(CopyIn copy) {
            this.copy = copy;
        }

        /** The signature, no flags, no header extension. */
        void header() throws SQLException {
            bytes(SIGNATURE);
            int32(0);
            int32(0);
        }

        void flush() throws SQLException {
            if (length > 0) {
                copy.writeToCopy(buffer, 0, length);
                length = 0;
            }
        }

        private void room(int bytes) throws SQLException {
            if (SIZE - length < bytes) {
                flush();
            }
        }

        void int16(int value) throws SQLException {
            room(2);
            ByteConverter.int2(buffer, length, value);
            length += 2;
        }

        private void int32(int value) throws SQLException {
            room(4);
            ByteConverter.int4(buffer, length, value);
            length += 4;
        }

        private void int64(long value) throws SQLException {
            room(8);
            ByteConverter.int8(buffer, length, value);
            length += 8;
        }

        private void bytes(byte[] bytes) throws SQLException {
            if (bytes.length > SIZE) {
                flush();
                copy.writeToCopy(bytes, 0, bytes.length);
                return;
            }
            room(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        /** One field: its length, then the value as its column's type stores it; -1 for null. */
        void value(int type, Object value, String column) throws SQLException {
            if (value == null) {
                int32(-1);
                return;
            }
            switch (type) {
                case TEXT, VARCHAR, BPCHAR -> text(value instanceof String s ? s : plain(value, column));
                case INT4 -> {
                    int32(4);
                    int32(Math.toIntExact(number(value, column).longValue()));
                }
                case INT8 -> {
                    int32(8);
                    int64(number(value, column).longValue());
                }
                case INT2 -> {
                    long n = number(value, column).longValue();
                    if (n != (short) n) {
                        throw new ArithmeticException(column + ": " + n + " is out of a smallint's range");
                    }
                    int32(2);
                    int16((int) n);
                }
                case NUMERIC -> {
                    byte[] digits = ByteConverter.numeric(decimal(value, column));
                    int32(digits.length);
                    bytes(digits);
                }
                case DATE -> {
                    if (!(value instanceof LocalDate day)) {
                        throw mismatch(value, column);
                    }
                    int32(4);
                    int32(Math.toIntExact(day.toEpochDay() - EPOCH_DAY_2000));
                }
                case TIMESTAMPTZ -> {
                    if (!(value instanceof OffsetDateTime at)) {
                        throw mismatch(value, column);
                    }
                    // To the microsecond, as Sql#at gives every time.
                    int32(8);
                    int64((at.toEpochSecond() - EPOCH_SECOND_2000) * 1_000_000 + at.getNano() / 1000);
                }
                case BOOL -> {
                    if (!(value instanceof Boolean flag)) {
                        throw mismatch(value, column);
                    }
                    int32(1);
                    room(1);
                    buffer[length++] = (byte) (flag ? 1 : 0);
                }
                default -> throw new IllegalArgumentException("COPY writes no column of type " + type + " ("
                        + column + ")");
            }
        }

        /** Text as UTF-8; plain ASCII, nearly all of it (identifiers, codes), straight into the buffer. */
        private void text(String s) throws SQLException {
            int n = s.length();
            if (n + 4 <= SIZE) {
                room(n + 4);
                byte[] out = buffer;
                int at = length + 4;
                int i = 0;
                while (i < n) {
                    char c = s.charAt(i);
                    if (c >= 0x80) {
                        break;
                    }
                    out[at++] = (byte) c;
                    i++;
                }
                if (i == n) {
                    ByteConverter.int4(out, length, n);
                    length = at;
                    return;
                }
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            int32(utf8.length);
            bytes(utf8);
        }

        private static String plain(Object value, String column) {
            if (value instanceof Number || value instanceof Boolean || value instanceof LocalDate) {
                return value.toString();
            }
            throw mismatch(value, column);
        }

        private static Number number(Object value, String column) {
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return (Number) value;
            }
            throw mismatch(value, column);
        }

        private static BigDecimal decimal(Object value, String column) {
            return value instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(number(value, column).longValue());
        }

        private static IllegalArgumentException mismatch(Object value, String column) {
            return new IllegalArgumentException("no COPY value for column " + column + " from a "
                    + value.getClass().getName());
        }
    }
}
