package org.creditbank.ledger.learner;

import org.creditbank.ledger.rule.Refusal;
import org.creditbank.ledger.rule.RuleViolation;

/** The refusals of the account rules, each named as the rulebook names it. */
public final class AccountRefusals {

    private AccountRefusals() {
    }

    /** One natural person has one account. */
    public static final class PersonAlreadyHasAccount extends RuleViolation {
        private final String learnerNumber;

        public PersonAlreadyHasAccount(String learnerNumber) {
            super(Refusal.CONFLICT, "person", "this person already has account " + learnerNumber);
            this.learnerNumber = learnerNumber;
        }

        /** The account the person has. */
        public String learnerNumber() {
            return learnerNumber;
        }
    }

    /** No account is held by the person an identity document names. */
    public static final class NoAccountForIdentity extends RuleViolation {
        public NoAccountForIdentity() {
            super(Refusal.NOT_FOUND, "idDocumentNumber", "no account is held by the person with this identity"
                    + " document");
        }
    }

    /** The learner number names no account. */
    public static final class UnknownAccount extends RuleViolation {
        public UnknownAccount(String field, String learnerNumber) {
            super(Refusal.NOT_FOUND, field, "no account has learner number " + learnerNumber);
        }
    }

    /** Nothing is recorded on a closed account. */
    public static final class AccountIsClosed extends RuleViolation {
        public AccountIsClosed(String learnerNumber) {
            super(Refusal.CONFLICT, "learnerNumber", "account " + learnerNumber + " is closed");
        }
    }

    /** A merged account only forwards to its survivor. */
    public static final class AccountWasMerged extends RuleViolation {
        private final String survivor;

        public AccountWasMerged(String learnerNumber, String survivor) {
            super(Refusal.CONFLICT, "learnerNumber",
                    "account " + learnerNumber + " was merged into account " + survivor + "; act on that account");
            this.survivor = survivor;
        }

        /** The account that now holds this one's history. */
        public String survivor() {
            return survivor;
        }
    }

    /** A subject signs in as one learner: one person, one account. */
    public static final class SignInBoundToAnotherAccount extends RuleViolation {
        public SignInBoundToAnotherAccount(String subject, String learnerNumber) {
            super(Refusal.CONFLICT, "subject", "subject " + subject + " already signs in as learner "
                    + learnerNumber);
        }
    }

    /** An officer's sign-in is never a learner's. */
    public static final class SignInOfAnOfficer extends RuleViolation {
        public SignInOfAnOfficer(String subject, String officerId) {
            super(Refusal.CONFLICT, "subject", "subject " + subject + " signs in as officer " + officerId
                    + "; a learner signs in with a subject of their own");
        }
    }

    /** A learner changes only their own account. */
    public static final class NotThisLearner extends RuleViolation {
        public NotThisLearner(String learnerNumber) {
            super(Refusal.NOT_PERMITTED, "learnerNumber", "the signed-in learner does not hold account "
                    + learnerNumber);
        }
    }
}
