package org.creditbank.ledger.conversion;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.BranchCode;
import org.creditbank.ledger.rule.InvalidField;

import java.time.LocalDate;

/** The commands of an institution's recognition catalogue: its programmes and its recognition rules. */
public final class CatalogueCommands {

    private CatalogueCommands() {
    }

    /** Define a programme of an institution, with the caps on credits converted into it. */
    public record DefineProgramme(@TargetAggregateIdentifier ProgrammeId programme, ProgrammeTerms terms,
                                  ActingOfficer actor) {
        public DefineProgramme {
            InvalidField.require("programme", programme);
            InvalidField.require("terms", terms);
            InvalidField.require("actor", actor);
        }
    }

    /** Define a qualification an institution awards, with its thresholds. */
    public record DefineQualification(@TargetAggregateIdentifier QualificationId qualification,
                                      QualificationTerms terms, ActingOfficer actor) {
        public DefineQualification {
            InvalidField.require("qualification", qualification);
            InvalidField.require("terms", terms);
            InvalidField.require("actor", actor);
        }
    }

    /**
     * Publish a network hours rule (no {@code reason}: version 1) or amend it (with a reason: its next version), as an
     * officer of the provincial centre.
     */
    public record PublishHoursRule(@TargetAggregateIdentifier HoursRuleId rule, HoursTerms terms, String reason,
                                   ActingOfficer actor) {
        public PublishHoursRule {
            InvalidField.require("ruleId", rule);
            InvalidField.require("terms", terms);
            reason = InvalidField.optionalText("reason", reason, 1024);
            InvalidField.require("actor", actor);
        }
    }

    /** Conclude a mutual-recognition agreement between two parties. */
    public record ConcludeAgreement(@TargetAggregateIdentifier AgreementId agreement, AgreementTerms terms,
                                    ActingOfficer actor) {
        public ConcludeAgreement {
            InvalidField.require("agreementId", agreement);
            InvalidField.require("terms", terms);
            InvalidField.require("actor", actor);
        }
    }

    /** Withdraw a mutual-recognition agreement from a date on. */
    public record WithdrawAgreement(@TargetAggregateIdentifier AgreementId agreement, LocalDate withdrawnFrom,
                                    String reason, ActingOfficer actor) {
        public WithdrawAgreement {
            InvalidField.require("agreementId", agreement);
            InvalidField.require("withdrawnFrom", withdrawnFrom);
            reason = InvalidField.requireText("reason", reason, 1024);
            InvalidField.require("actor", actor);
        }
    }

    /** Publish a recognition rule toward a programme of an institution: version 1. */
    public record PublishRule(@TargetAggregateIdentifier RuleId rule, BranchCode institution, String programme,
                              RuleTerms terms, ActingOfficer actor) {
        public PublishRule {
            InvalidField.require("ruleId", rule);
            InvalidField.require("institution", institution);
            programme = ProgrammeCode.requireProgramme("programme", programme);
            InvalidField.require("terms", terms);
            InvalidField.require("actor", actor);
        }
    }

    /** Amend a recognition rule: its next version, in force from its own effective date. */
    public record AmendRule(@TargetAggregateIdentifier RuleId rule, RuleTerms terms, String reason,
                            ActingOfficer actor) {
        public AmendRule {
            InvalidField.require("ruleId", rule);
            InvalidField.require("terms", terms);
            reason = InvalidField.requireText("reason", reason, 1024);
            InvalidField.require("actor", actor);
        }
    }

    /** Withdraw a recognition rule from a date on. */
    public record WithdrawRule(@TargetAggregateIdentifier RuleId rule, LocalDate withdrawnFrom, String reason,
                               ActingOfficer actor) {
        public WithdrawRule {
            InvalidField.require("ruleId", rule);
            InvalidField.require("withdrawnFrom", withdrawnFrom);
            reason = InvalidField.requireText("reason", reason, 1024);
            InvalidField.require("actor", actor);
        }
    }

    /** The terms of one version of a rule: whom it takes, what it grants, and when it is in force. */
    public record RuleTerms(RuleCriteria criteria, RuleGrant grant, LocalDate effectiveFrom,
                            LocalDate effectiveUntil) {
        public RuleTerms {
            InvalidField.require("criteria", criteria);
            InvalidField.require("grant", grant);
            InvalidField.require("effectiveFrom", effectiveFrom);
            if (effectiveUntil != null && effectiveUntil.isBefore(effectiveFrom)) {
                throw new InvalidField("effectiveUntil", "is before effectiveFrom " + effectiveFrom);
            }
        }
    }
}
