package org.creditbank.ledger.learner;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.creditbank.ledger.achievement.AchievementStanding;
import org.creditbank.ledger.branch.BranchRole;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.learner.AccountCommands.MergeAccounts;
import org.creditbank.ledger.learner.AccountRefusals.UnknownAccount;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Merges two accounts found to be one person, by events on both: the merged account forwards to the survivor, and
 * the survivor takes in the merged account's achievements (superseding those it already holds). Both events commit
 * together or not at all. The acting branch's jurisdiction covers the branches that opened both accounts.
 */
public class AccountMerging {

    private final Repository<LearnerAccount> accounts;
    private final Jurisdiction jurisdiction;
    private final Clock clock;

    public AccountMerging(Repository<LearnerAccount> accounts, Jurisdiction jurisdiction, Clock clock) {
        this.accounts = accounts;
        this.jurisdiction = jurisdiction;
        this.clock = clock;
    }

    @CommandHandler
    public void handle(MergeAccounts command) {
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
        survivor.execute(account -> {
            account.absorb(command.merged().value(), carried, command.reason(), command.actor(), at);
            account.inheritSignIn(mergedSignIn, command.actor(), at);
        });
    }

    private Aggregate<LearnerAccount> load(String field, LearnerNumber number) {
        try {
            return accounts.load(number.value());
        } catch (AggregateNotFoundException e) {
            throw new UnknownAccount(field, number.value());
        }
    }
}
