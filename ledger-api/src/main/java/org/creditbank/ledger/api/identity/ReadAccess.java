package org.creditbank.ledger.api.identity;

import org.creditbank.ledger.branch.BranchDirectory;
import org.creditbank.ledger.branch.BranchProfile;
import org.creditbank.ledger.projection.register.JdbcBranchDirectory.Appointment;
import org.creditbank.ledger.projection.archive.ArchiveQueries;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Who may read what. A learner reads their own account; an auditor reads everything; an officer (or a system client
 * with the read scope) reads the learners and registers of their branches' jurisdictions — a learner is within a
 * branch's jurisdiction when the branch or one below it opened the account or recorded an achievement on it.
 */
@Component
public class ReadAccess {

    private final Principals principals;
    private final BranchDirectory directory;
    private final ArchiveQueries accounts;

    public ReadAccess(Principals principals, BranchDirectory directory, ArchiveQueries accounts) {
        this.principals = principals;
        this.directory = directory;
        this.accounts = accounts;
    }

    /** Refuses unless the principal may read this learner's account, archive, transcripts and proofs. */
    public LedgerPrincipal learner(String learnerNumber) {
        LedgerPrincipal principal = principals.current();
        if (mayReadLearner(principal, learnerNumber)) {
            return principal;
        }
        throw new NotPermitted("learnerNumber", "the signed-in principal may not read account " + learnerNumber
                + ": learners read their own, officers those their branches serve, auditors all");
    }

    /** Whether the signed-in principal may read this learner. */
    public boolean mayReadLearner(String learnerNumber) {
        return mayReadLearner(principals.current(), learnerNumber);
    }

    private boolean mayReadLearner(LedgerPrincipal principal, String learnerNumber) {
        if (principal.isAuditor() || learnerNumber.equals(principal.learnerNumber())) {
            return true;
        }
        List<String> serving = accounts.servingBranches(learnerNumber);
        if (serving.isEmpty() && principal.isOfficer()) {
            return true; // no such account: the read answers 404, which reveals nothing personal
        }
        return serving.stream().anyMatch(branch -> coversForReading(principal, branch));
    }

    /** Refuses unless the principal may read this branch's registers (queue, activity, reports). */
    public LedgerPrincipal branch(String branchCode) {
        LedgerPrincipal principal = principals.current();
        if (principal.isAuditor() || coversForReading(principal, branchCode)) {
            return principal;
        }
        throw new NotPermitted("branchCode", "the signed-in principal may not read the registers of branch "
                + branchCode + ": officers read their branches' jurisdictions, auditors all");
    }

    /** Refuses anyone but officers (of any branch), auditors and operators: the network's structure. */
    public LedgerPrincipal network() {
        LedgerPrincipal principal = principals.current();
        if (principal.isAuditor() || principal.isOperator() || principal.appointments().stream()
                .anyMatch(a -> principal.mayUse(a, Principals.SCOPE_READ))) {
            return principal;
        }
        throw new NotPermitted("Authorization", "the branch network is read by officers, auditors and operators");
    }




    private boolean coversForReading(LedgerPrincipal principal, String targetBranch) {
        Optional<BranchProfile> target = directory.find(targetBranch);
        if (target.isEmpty()) {
            return false;
        }
        for (Appointment appointment : principal.appointments()) {
            if (!principal.mayUse(appointment, Principals.SCOPE_READ)) {
                continue;
            }
            Optional<BranchProfile> own = directory.find(appointment.branchCode());
            if (own.isPresent() && own.get().covers(target.get())) {
                return true;
            }
        }
        return false;
    }
}
