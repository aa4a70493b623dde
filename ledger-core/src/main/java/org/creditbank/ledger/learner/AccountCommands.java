package org.creditbank.ledger.learner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.rule.InvalidField;

/** The commands of a learner account's lifecycle. */
public final class AccountCommands {

    private AccountCommands() {
    }

    /**
     * Open an account for a natural person; answered with the new learner number. A resident ID must be
     * {@link ResidentIdNumber consistent}.
     */
    public record OpenAccount(PersonalData person, ActingOfficer actor) {
        public OpenAccount {
            InvalidField.require("person", person);
            ResidentIdNumber.requireConsistent(person);
            InvalidField.require("actor", actor);
        }
    }

    /** Replace the learner's contact details. */
    public record UpdateContactDetails(@TargetAggregateIdentifier LearnerNumber learner, ContactDetails contact,
                                       ActingOfficer actor) {
        public UpdateContactDetails {
            InvalidField.require("contact", contact);
            InvalidField.require("actor", actor);
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
