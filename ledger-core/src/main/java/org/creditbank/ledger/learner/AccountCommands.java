package org.creditbank.ledger.learner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.creditbank.ledger.access.Subject;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.rule.InvalidField;

/** The commands of a learner account's lifecycle. */
public final class AccountCommands {

    private AccountCommands() {
    }

    /**
     * Open an account for a natural person; answered with the new learner number. A resident ID must be
     * {@link ResidentIdNumber consistent}. {@code signIn}, when given, is the identity-provider subject the learner
     * signs in with, bound to the account at once.
     */
    public record OpenAccount(PersonalData person, Subject signIn, ActingOfficer actor) {
        public OpenAccount {
            InvalidField.require("person", person);
            ResidentIdNumber.requireConsistent(person);
            InvalidField.require("actor", actor);
        }
    }

    /** Bind the identity-provider subject the learner signs in with to the account (an officer vouches for it). */
    public record BindSignIn(@TargetAggregateIdentifier LearnerNumber learner, Subject subject,
                             ActingOfficer actor) {
        public BindSignIn {
            InvalidField.require("subject", subject);
            InvalidField.require("actor", actor);
        }
    }

    /**
     * Replace the learner's contact details: by an officer ({@code actor}), or by the learner signed in as
     * {@code learnerSelf} — exactly one of the two.
     */
    public record UpdateContactDetails(@TargetAggregateIdentifier LearnerNumber learner, ContactDetails contact,
                                       ActingOfficer actor, Subject learnerSelf) {
        public UpdateContactDetails {
            InvalidField.require("contact", contact);
            if ((actor == null) == (learnerSelf == null)) {
                throw new IllegalArgumentException("an officer or the learner updates contact details, not both");
            }
        }
    }

    /** Merge {@code merged} into {@code survivor}: two accounts found to be one person. */
    public record MergeAccounts(LearnerNumber survivor, LearnerNumber merged, String reason, ActingOfficer actor) {
        public MergeAccounts {
            InvalidField.require("survivor", survivor);
            InvalidField.require("merged", merged);
            if (survivor.equals(merged)) {
                throw new InvalidField("merged", "an account cannot be merged into itself");
            }
            reason = InvalidField.requireText("reason", reason, 1024);
            InvalidField.require("actor", actor);
        }
    }

    /** Close the account: nothing more is recorded on it; its history stays. */
    public record CloseAccount(@TargetAggregateIdentifier LearnerNumber learner, String reason,
                               ActingOfficer actor) {
        public CloseAccount {
            reason = InvalidField.requireText("reason", reason, 1024);
            InvalidField.require("actor", actor);
        }
    }
}
