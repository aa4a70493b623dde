package org.creditbank.ledger.learner;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Repository;
import org.creditbank.ledger.branch.BranchProfile;
import org.creditbank.ledger.branch.DivisionCode;
import org.creditbank.ledger.branch.BranchRole;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.learner.AccountCommands.OpenAccount;
import org.creditbank.ledger.learner.AccountRefusals.PersonAlreadyHasAccount;

import java.time.Clock;
import java.util.stream.Stream;

/**
 * Opens accounts: one per natural person, found by the keyed hash of their identity (and, for a resident ID, the
 * hashes accounts opened before document types were canonical carry: {@link IdentityHasher#formerHashes}); the
 * learner number carries the division code of the opening branch; the person's data is sealed with a key of the
 * learner's own.
 */
public class AccountOpening {

    private final Repository<LearnerAccount> accounts;
    private final Jurisdiction jurisdiction;
    private final IdentityRegister identities;
    private final IdentityHasher hasher;
    private final LearnerNumberIssuer issuer;
    private final PersonalDataVault vault;
    private final Clock clock;

    public AccountOpening(Repository<LearnerAccount> accounts, Jurisdiction jurisdiction, IdentityRegister identities,
                          IdentityHasher hasher, LearnerNumberIssuer issuer, PersonalDataVault vault, Clock clock) {
        this.accounts = accounts;
        this.jurisdiction = jurisdiction;
        this.identities = identities;
        this.hasher = hasher;
        this.issuer = issuer;
        this.vault = vault;
        this.clock = clock;
    }

    /** Opens the account and answers its learner number. */
    @CommandHandler
    public String handle(OpenAccount command, @MetaDataValue(ActTime.RECORDED_AT) String recordedAt) throws Exception {
        BranchProfile branch = jurisdiction.actingBranch(command.actor(), BranchRole.OFFICER);
        String identityHash = hasher.hash(command.person());
        identities.accountForAny(Stream.concat(Stream.of(identityHash), hasher.formerHashes(command.person()).stream())
                .toList()).ifPresent(existing -> {
                    throw new PersonAlreadyHasAccount(existing);
                });
        if (command.signIn() != null) {
            LearnerAccount.requireLearnersOwnSignIn(command.signIn().value(), jurisdiction, identities, null);
        }
        LearnerNumber number = issuer.next(new DivisionCode(branch.divisionCode()));
        Sealed person = vault.sealPerson(number.value(), command.person());
        accounts.newInstance(() -> new LearnerAccount(number, identityHash, person, command.signIn(),
                command.actor(), ActTime.of(clock, recordedAt)));
        return number.value();
    }
}
