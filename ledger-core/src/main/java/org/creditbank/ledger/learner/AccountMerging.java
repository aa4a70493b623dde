package org.creditbank.ledger.learner;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.creditbank.ledger.achievement.AchievementStanding;
import org.creditbank.ledger.branch.BranchRole;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.conversion.ConversionsCarried;
import org.creditbank.ledger.conversion.RecognitionCatalogue;
import org.creditbank.ledger.group.LearningGroup;
import org.creditbank.ledger.group.PointsLedger;
import org.creditbank.ledger.learner.AccountCommands.MergeAccounts;
import org.creditbank.ledger.learner.AccountRefusals.UnknownAccount;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Merges two accounts found to be one person, by events on both: the merged account forwards to the survivor, and
 * the survivor takes in the merged account's achievements (superseding those it already holds), then its conversions,
 * awards and hours conversions, its learning points, and its places in groups. Every event commits together or not
 * at all. The acting branch's jurisdiction covers the branches that opened both accounts.
 */
public class AccountMerging {

    private final Repository<LearnerAccount> accounts;
    private final Repository<LearningGroup> groups;
    private final Jurisdiction jurisdiction;
    private final Clock clock;

    public AccountMerging(Repository<LearnerAccount> accounts, Repository<LearningGroup> groups,
                          Jurisdiction jurisdiction, Clock clock) {
        this.accounts = accounts;
        this.groups = groups;
        this.jurisdiction = jurisdiction;
        this.clock = clock;
    }

    @CommandHandler
    public void handle(MergeAccounts command, RecognitionCatalogue catalogue, PointsLedger points) {
        jurisdiction.actingBranch(command.actor(), BranchRole.OFFICER);
        // Lock the two accounts in one fixed order, so two merges of the same pair cannot wait on each other.
        boolean survivorFirst = command.survivor().value().compareTo(command.merged().value()) < 0;
        Aggregate<LearnerAccount> first = load(survivorFirst ? "survivor" : "merged",
                survivorFirst ? command.survivor() : command.merged());
        Aggregate<LearnerAccount> second = load(survivorFirst ? "merged" : "survivor",
                survivorFirst ? command.merged() : command.survivor());
        Aggregate<LearnerAccount> survivor = survivorFirst ? first : second;
        Aggregate<LearnerAccount> merged = survivorFirst ? second : first;
        Instant at = clock.instant();
        survivor.execute(account -> account.requireOpenForMerge(command.actor(), jurisdiction));
        List<AchievementStanding> carried = merged.invoke(account -> account.mergeInto(command.survivor().value(),
                command.reason(), command.actor(), jurisdiction, at));
        String mergedSignIn = merged.invoke(LearnerAccount::signIn);
        ConversionsCarried conversions = merged.invoke(account -> account.conversionsToHandOn(
                command.survivor().value(), command.actor(), at));
        survivor.execute(account -> {
            account.absorb(command.merged().value(), carried, conversions, command.reason(), command.actor(),
                    jurisdiction, catalogue, at);
            account.inheritSignIn(mergedSignIn, command.actor(), at);
            account.takePoints(command.merged().value(), points.balanceOf(command.merged().value()),
                    command.actor(), at);
        });
        // The merged account's places in groups pass to the survivor, in group order.
        for (String group : points.groupsOf(command.merged().value())) {
            groups.load("group:" + group).execute(g -> g.accountMerged(command.merged().value(),
                    command.survivor().value(), points, command.actor(), at));
        }
    }

    private Aggregate<LearnerAccount> load(String field, LearnerNumber number) {
        try {
            return accounts.load(number.value());
        } catch (AggregateNotFoundException e) {
            throw new UnknownAccount(field, number.value());
        }
    }
}
