package org.creditbank.ledger.api.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells a duplicate key in the event store by the store's own code: SQLState {@code 23505}, the SQL standard's
 * unique violation, which PostgreSQL and H2 both report (Axon's default knows a duplicate only as
 * {@link java.sql.SQLIntegrityConstraintViolationException}, which pgjdbc never throws). A duplicate (aggregate,
 * sequence number) means another writer appended first, so Axon raises its {@code ConcurrencyException} (or
 * {@code AggregateStreamCreationException} for a stream's first event) — a conflict to repeat, not a failure of the
 * store.
 */
public final class UniqueViolations implements PersistenceExceptionResolver {

    /** SQLSTATE class 23 (integrity constraint violation), subclass 505 (unique violation). */
    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // A failed batch (pgjdbc's BatchUpdateException) chains the statement's own error as its next exception.
            for (SQLException e = t instanceof SQLException sql ? sql : null; e != null; e = e.getNextException()) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }
}
