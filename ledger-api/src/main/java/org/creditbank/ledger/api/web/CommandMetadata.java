package org.creditbank.ledger.api.web;

/** The metadata keys every command carries and every event inherits. */
public final class CommandMetadata {

    /** The acting officer's id. */
    public static final String OFFICER = "officerId";
    /** The branch the officer acts for. */
    public static final String BRANCH = "branchCode";
    /** The id that ties together everything one request caused. */
    public static final String CORRELATION_ID = "correlationId";

    /** Request header naming the acting officer. */
    public static final String OFFICER_HEADER = "Ledger-Officer";
    /** Request header naming the branch the officer acts for. */
    public static final String BRANCH_HEADER = "Ledger-Branch";
    /** Request and response header carrying the correlation id. */
    public static final String CORRELATION_HEADER = "Correlation-Id";

    private CommandMetadata() {
    }
}
