package org.creditbank.ledger.learner;

import org.axonframework.serialization.Revision;
import org.creditbank.ledger.achievement.AchievementStanding;

import java.time.Instant;
import java.util.List;

/**
 * Every event of a learner account's own lifecycle (the achievement events share the account's stream). Personal data
 * travels only {@link Sealed}: encrypted with the learner's own key, never in clear.
 */
public sealed interface AccountEvent {

    /** The account the event belongs to. */
    String learnerNumber();

    /** When the act was recorded. */
    Instant at();

    /** An account was opened for a natural person at a branch; {@code personalData} seals a {@link PersonalData}. */
    @Revision("1")
    record AccountOpened(String learnerNumber, String identityHash, Sealed personalData, String openedBy,
                         String branchCode, Instant at) implements AccountEvent {
    }

    /** The learner's contact details were replaced; {@code contact} seals a {@link ContactDetails}. */
    @Revision("1")
    record ContactDetailsUpdated(String learnerNumber, Sealed contact, String updatedBy, String branchCode,
                                 Instant at) implements AccountEvent {
    }

    /** This account was found to belong to the same person as the survivor and now forwards to it. */
    @Revision("1")
    record AccountMergedInto(String learnerNumber, String survivorNumber, String reason, String mergedBy,
                             String branchCode, Instant at) implements AccountEvent {
    }

    /**
     * The account of the same person was merged into this one, bringing its achievements. Those this account
     * already held (same external reference or certificate) are listed in {@code superseded}: carried, never counted.
     */
    @Revision("1")
    record MergedAccountAbsorbed(String learnerNumber, String mergedNumber, String reason,
                                 List<AchievementStanding> carried, List<String> superseded, String mergedBy,
                                 String branchCode, Instant at) implements AccountEvent {
        public MergedAccountAbsorbed {
            carried = List.copyOf(carried);
            superseded = superseded == null ? List.of() : List.copyOf(superseded);
        }
    }

    /** The account was closed; its history stays and can be read, nothing more is recorded on it. */
    @Revision("1")
    record AccountClosed(String learnerNumber, String reason, String closedBy, String branchCode,
                         Instant at) implements AccountEvent {
    }

    /**
     * The learner's sign-in was bound to the account: the identity-provider subject that signs in as this learner,
     * confirmed by an officer (who checked the person's identity) at the acting branch.
     */
    @Revision("1")
    record SignInBound(String learnerNumber, String subject, String boundBy, String branchCode,
                       Instant at) implements AccountEvent {
    }
}
