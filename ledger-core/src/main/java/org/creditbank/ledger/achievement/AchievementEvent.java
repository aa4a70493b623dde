package org.creditbank.ledger.achievement;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Every event of an achievement's lifecycle. They belong to the stream of the learner's account, so one learner's
 * history is one ordered stream. Plain values only.
 */
public sealed interface AchievementEvent {

    /** The account the achievement is on. */
    String learnerNumber();

    /** The achievement the event is about. */
    String achievementId();

    /** When the act was recorded. */
    Instant at();

    /** An achievement was recorded on the account, awaiting certification. */
    @Revision("1")
    record AchievementRecorded(String learnerNumber, String achievementId, String kind, String title,
                               String awardingBody, String assessingBody, LocalDate achievedOn,
                               String evidenceSha256, String evidenceMediaType, String evidenceLocation,
                               BigDecimal credits, String creditUnit, Integer qualificationLevel,
                               Integer vocationalLevel, String resultScheme, String resultValue,
                               String externalIssuer, String externalId, String certificateSerial,
                               String recordedBy, String branchCode, Instant at) implements AchievementEvent {
    }

    /** The achievement was certified and its credits deposited. */
    @Revision("1")
    record AchievementCertified(String learnerNumber, String achievementId, String certifiedBy, String branchCode,
                                BigDecimal credits, String creditUnit, Instant at) implements AchievementEvent {
    }

    /** The achievement was not accepted; nothing was deposited. */
    @Revision("1")
    record AchievementRejected(String learnerNumber, String achievementId, String reason, String rejectedBy,
                               String branchCode, Instant at) implements AchievementEvent {
    }

    /** Some fields of the achievement were superseded. Null fields of {@code corrected} stayed as they were. */
    @Revision("1")
    record AchievementCorrected(String learnerNumber, String achievementId, String reason,
                                CorrectedFields corrected, String correctedBy, String branchCode,
                                Instant at) implements AchievementEvent {
    }

    /** A certified achievement was withdrawn; its credits no longer count. */
    @Revision("1")
    record AchievementRevoked(String learnerNumber, String achievementId, String reason, String revokedBy,
                              String branchCode, Instant at) implements AchievementEvent {
    }

    /** The superseding values of a correction; a null stays as it was (evidence and credits change as a whole). */
    record CorrectedFields(String title, String awardingBody, String assessingBody, LocalDate achievedOn,
                           String evidenceSha256, String evidenceMediaType, String evidenceLocation,
                           BigDecimal credits, String creditUnit, Integer qualificationLevel,
                           Integer vocationalLevel, String resultScheme, String resultValue) {

        /** The plain form of a correction. */
        public static CorrectedFields of(AchievementCorrection c) {
            Evidence e = c.evidence();
            Credits k = c.credits();
            Result r = c.result();
            return new CorrectedFields(c.title(), c.awardingBody(), c.assessingBody(), c.achievedOn(),
                    e == null ? null : e.sha256(), e == null ? null : e.mediaType(), e == null ? null : e.location(),
                    k == null ? null : k.amount(), k == null ? null : k.unit(), c.qualificationLevel(),
                    c.vocationalLevel(), r == null ? null : r.scheme(), r == null ? null : r.value());
        }
    }
}
