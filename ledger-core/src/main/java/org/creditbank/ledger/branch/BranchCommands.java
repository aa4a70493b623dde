package org.creditbank.ledger.branch;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.creditbank.ledger.rule.InvalidField;

/** The commands of the branch network, one record each. */
public final class BranchCommands {

    private BranchCommands() {
    }

    /** Register a branch under its parent ({@code parent} is null only for the provincial centre). */
    public record RegisterBranch(@TargetAggregateIdentifier BranchCode code, String name, BranchTier tier,
                                 BranchCode parent, DivisionCode division, ActingOfficer actor) {
        public RegisterBranch {
            InvalidField.require("code", code);
            name = InvalidField.requireText("name", name);
            InvalidField.require("tier", tier);
            InvalidField.require("divisionCode", division);
            InvalidField.require("actor", actor);
        }
    }

    /** Appoint an officer to a branch. */
    public record AppointOfficer(@TargetAggregateIdentifier BranchCode branch, OfficerId officer, String name,
                                 ActingOfficer actor) {
        public AppointOfficer {
            InvalidField.require("officerId", officer);
            name = InvalidField.requireText("name", name);
            InvalidField.require("actor", actor);
        }
    }

    /** Remove an officer from a branch. */
    public record RemoveOfficer(@TargetAggregateIdentifier BranchCode branch, OfficerId officer, String reason,
                                ActingOfficer actor) {
        public RemoveOfficer {
            InvalidField.require("officerId", officer);
            reason = InvalidField.requireText("reason", reason, 1024);
            InvalidField.require("actor", actor);
        }
    }

    /** Suspend an active branch: it acts for nobody until reinstated. */
    public record SuspendBranch(@TargetAggregateIdentifier BranchCode branch, String reason, ActingOfficer actor) {
        public SuspendBranch {
            reason = InvalidField.requireText("reason", reason, 1024);
            InvalidField.require("actor", actor);
        }
    }

    /** Reinstate a suspended branch. */
    public record ReinstateBranch(@TargetAggregateIdentifier BranchCode branch, String reason, ActingOfficer actor) {
        public ReinstateBranch {
            reason = InvalidField.requireText("reason", reason, 1024);
            InvalidField.require("actor", actor);
        }
    }

    /** Close a branch for good; what it recorded stays. */
    public record CloseBranch(@TargetAggregateIdentifier BranchCode branch, String reason, ActingOfficer actor) {
        public CloseBranch {
            reason = InvalidField.requireText("reason", reason, 1024);
            InvalidField.require("actor", actor);
        }
    }
}
