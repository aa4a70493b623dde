package org.creditbank.ledger.readmodel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/** Conversions between event values and the column types PostgreSQL and H2 both understand. */
public final class Sql {

    private Sql() {
    }

    /**
     * An instant as a timestamp-with-time-zone parameter, to the microsecond the column keeps: cut here, so that every
     * way of writing it (a parameter, COPY) and every database stores the same value.
     */
    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /** A timestamp column read back as an instant. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A date column read back as a local date. */
    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** A nullable integer column. */
    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /**
     * Composite keys (lists of comparable values of the same types, position by position) in one order: rows written
     * in this order by two writers never wait on each other in a cycle.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final Comparator<List<?>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };
}
