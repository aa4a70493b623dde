package org.creditbank.ledger.projection.statistics;

import java.util.function.Predicate;

/** What a statistical fact counts. Every fact counts one act; some also change the credits deposited. */
public enum Measure {
    /** An account was opened. */
    ACCOUNT_OPENED,
    /** An account was merged into another of the same person. */
    ACCOUNT_MERGED,
    /** An account was closed. */
    ACCOUNT_CLOSED,
    /** An achievement was recorded. */
    RECORDED,
    /** An achievement was certified; its credits were deposited. */
    CERTIFIED,
    /** An achievement was rejected. */
    REJECTED,
    /** An achievement was corrected; a correction of a certified achievement's credits changes the deposit. */
    CORRECTED,
    /** A certified achievement was revoked; its credits were withdrawn. */
    REVOKED,
    /** A merged account's duplicate of an achievement already held stopped counting; its credits were withdrawn. */
    SUPERSEDED;

    /** The names of the measures that match, as an SQL list of literals ({@code 'RECORDED', 'CERTIFIED', ...}). */
    public static String sqlList(Predicate<Measure> which) {
        StringBuilder in = new StringBuilder();
        for (Measure m : values()) {
            if (which.test(m)) {
                in.append(in.isEmpty() ? "" : ", ").append('\'').append(m.name()).append('\'');
            }
        }
        return in.toString();
    }

    /** Whether the fact is an act on an achievement, which makes its learner active in the period. */
    public boolean isLearning() {
        return ordinal() >= RECORDED.ordinal();
    }
}
