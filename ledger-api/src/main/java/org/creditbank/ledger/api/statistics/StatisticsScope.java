package org.creditbank.ledger.api.statistics;

import org.creditbank.ledger.api.identity.ReadAccess;
import org.creditbank.ledger.api.web.Requests;
import org.creditbank.ledger.branch.BranchCode;
import org.creditbank.ledger.branch.UnknownBranch;
import org.creditbank.ledger.projection.register.BranchQueries;
import org.creditbank.ledger.projection.register.BranchView;
import org.creditbank.ledger.rule.InvalidField;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Whose figures a statistics question may ask, and its period: a branch's jurisdiction for those who may read the
 * branch, the whole network for auditors and the provincial centre's officers; a period of days in order.
 */
@Component
class StatisticsScope {

    private final BranchQueries branches;
    private final ReadAccess access;

    StatisticsScope(BranchQueries branches, ReadAccess access) {
        this.branches = branches;
        this.access = access;
    }

    /** The branch asked for, once the caller may read its figures; null (the whole network) likewise. */
    String jurisdiction(String branch) {
        if (branch == null) {
            // The whole network: auditors, and officers of the provincial centre.
            access.branch(branches.root().orElse("(provincial centre)"));
            return null;
        }
        return branch(branch).code();
    }

    /** A branch the caller may read the figures of. */
    BranchView branch(String code) {
        String value = BranchCode.of("branch", code).value();
        BranchView branch = branches.branch(value, 0).orElseThrow(() -> new UnknownBranch("branch", value));
        access.branch(branch.code());
        return branch;
    }

    /** A period's days, {@code from} to {@code to} inclusive, either open. */
    record Period(LocalDate from, LocalDate to) {
    }

    static Period period(String from, String to) {
        LocalDate start = Requests.date("from", from, false);
        LocalDate end = Requests.date("to", to, false);
        if (start != null && end != null && end.isBefore(start)) {
            throw new InvalidField("to", "must not be before from (" + start + ")");
        }
        return new Period(start, end);
    }
}
