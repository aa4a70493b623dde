package org.creditbank.ledger.api.web;

/** The metadata keys every command carries and every event inherits. */
public final class CommandMetadata {

    /** The acting officer's id ({@code installation} or {@code learner} when no officer acts). */
    public static final String OFFICER = "officerId";
    /** The branch the officer acts for. */
    public static final String BRANCH = "branchCode";
    /** The id that ties together everything one request caused. */
    public static final String CORRELATION_ID = "correlationId";
    /** The identity-provider subject of the signed-in principal who acted. */
    public static final String SUBJECT = "subject";
    /** What the principal acted as: OFFICER, SYSTEM, LEARNER, OPERATOR (installation) or IMPORT. */
    public static final String ROLE = "role";

    /** Request header naming the branch an officer appointed to several acts for. */
    public static final String BRANCH_HEADER = "Ledger-Branch";
    /** Request and response header carrying the correlation id. */
    public static final String CORRELATION_HEADER = "Correlation-Id";

    private CommandMetadata() {
    }
}
