package org.creditbank.ledger.conversion;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The events of qualifications awarded on a learner's account, beside the achievement the award is: on the account's
 * stream. The award records the credits it used, so a replay never weighs a threshold again.
 */
public sealed interface AwardEvent {

    /** The account the award is on. */
    String learnerNumber();

    /** The achievement (of kind degree/diploma) the award is. */
    String achievementId();

    /** When the act was recorded. */
    Instant at();

    /**
     * An institution awarded a qualification whose every threshold the learner met: recorded and certified as the
     * achievement {@code achievementId} in the same act; {@code used} are the credit lines that met them.
     */
    @Revision("1")
    record QualificationAwarded(String learnerNumber, String achievementId, String institution,
                                String qualification, String programme, BigDecimal credits, String unit,
                                List<CreditLine> used, String awardedBy, String branchCode, Instant at)
            implements AwardEvent {
    }

    /**
     * An award no longer meets a threshold since an act on one of its credits ({@code causeAchievementId}, the act
     * and its reason): flagged for the institution to review, never removed by the ledger.
     */
    @Revision("1")
    record QualificationFlaggedForReview(String learnerNumber, String achievementId, String institution,
                                         String qualification, String causeAchievementId, String causeAct,
                                         String causeReason, List<String> unmet, String flaggedBy, String branchCode,
                                         Instant at) implements AwardEvent {
    }
}
