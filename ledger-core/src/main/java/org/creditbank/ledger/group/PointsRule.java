package org.creditbank.ledger.group;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.BranchProfile;
import org.creditbank.ledger.branch.BranchRole;
import org.creditbank.ledger.branch.BranchTier;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.conversion.ConversionRefusals.AmendmentNotLater;
import org.creditbank.ledger.conversion.ConversionRefusals.NotTheCentre;
import org.creditbank.ledger.conversion.RuleId;
import org.creditbank.ledger.rule.InvalidField;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The network's learning-points rule, published by the provincial centre: one stream per rule
 * ({@code points-rule:<id>}), each version of its terms an event, each later version in force from a later date.
 */
public class PointsRule {

    @AggregateIdentifier
    private String id;
    private int version;
    private LocalDate effectiveFrom;

    /** A points rule's id: as a recognition rule's; its stream {@code points-rule:<id>}. */
    public record PointsRuleId(String value) {
        public PointsRuleId {
            value = new RuleId(value).value();
        }

        @Override
        public String toString() {
            return "points-rule:" + value;
        }
    }

    /** Publish the points rule, or its next version. */
    public record PublishPointsRule(@TargetAggregateIdentifier PointsRuleId rule, PointsTerms terms,
                                    ActingOfficer actor) {
        public PublishPointsRule {
            InvalidField.require("ruleId", rule);
            InvalidField.require("terms", terms);
            InvalidField.require("actor", actor);
        }
    }

    /** A version of the points rule was published by the centre. */
    @Revision("1")
    public record PointsRulePublished(String ruleId, int version, PointsTerms terms, String publishedBy,
                                      String branchCode, Instant at) {
    }

    /** For event sourcing. */
    protected PointsRule() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PublishPointsRule command, Jurisdiction jurisdiction, Clock clock) {
        BranchProfile acting = jurisdiction.actingBranch(command.actor(), BranchRole.OFFICER);
        if (acting.tier() != BranchTier.PROVINCIAL_CENTRE) {
            throw new NotTheCentre(acting.code());
        }
        if (id != null && !command.terms().effectiveFrom().isAfter(effectiveFrom)) {
            throw new AmendmentNotLater(command.rule().value(), version, effectiveFrom);
        }
        apply(new PointsRulePublished(command.rule().value(), version + 1, command.terms(), command.actor().officerId(),
                acting.code(), clock.instant()));
    }

    @EventSourcingHandler
    void on(PointsRulePublished event) {
        id = "points-rule:" + event.ruleId();
        version = event.version();
        effectiveFrom = event.terms().effectiveFrom();
    }
}
