package org.creditbank.ledger.branch;

/** Whether a branch may act: only an {@code ACTIVE} branch records; a {@code CLOSED} one never again. */
public enum BranchStatus {
    ACTIVE, SUSPENDED, CLOSED
}
