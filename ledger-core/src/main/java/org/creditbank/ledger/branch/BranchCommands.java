package org.creditbank.ledger.branch;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.creditbank.ledger.access.Subject;
import org.creditbank.ledger.rule.InvalidField;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

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

    /**
     * Appoint an officer (or, with {@code system}, a system client) to a branch in the given roles, bound to the
     * identity-provider subject that signs in as them.
     */
    public record AppointOfficer(@TargetAggregateIdentifier BranchCode branch, OfficerId officer, String name,
                                 Subject subject, Set<BranchRole> roles, boolean system, ActingOfficer actor) {
        public AppointOfficer {
            InvalidField.require("officerId", officer);
            name = InvalidField.requireText("name", name);
            InvalidField.require("subject", subject);
            if (roles == null || roles.isEmpty()) {
                throw new InvalidField("roles", "must name at least one of " + Arrays.toString(BranchRole.values()));
            }
            roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
            InvalidField.require("actor", actor);
        }
    }

    /**
     * Bind (or bind anew) the identity-provider subject that signs in as an officer of the branch: for an appointment
     * made before subjects were bound, or when the person's account at the identity provider changed.
     */
    public record BindOfficer(@TargetAggregateIdentifier BranchCode branch, OfficerId officer, Subject subject,
                              ActingOfficer actor) {
        public BindOfficer {
            InvalidField.require("officerId", officer);
            InvalidField.require("subject", subject);
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
