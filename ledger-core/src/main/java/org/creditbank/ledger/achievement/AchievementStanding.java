package org.creditbank.ledger.achievement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where one achievement stands: what the rules need to decide the next act on it, and to weigh it against a
 * recognition rule. Also carried, as plain values, to the surviving account when two accounts of one person are
 * merged.
 *
 * @param details what recognition rules weigh; null in a standing carried by a merge recorded before the ledger
 *                converted credits (such an achievement meets only rules that ask for its kind alone)
 */
public record AchievementStanding(String achievementId, String kind, String status, String recordedBy,
                                  String recordingBranch, String externalIssuer, String externalId,
                                  String certificateSerial, BigDecimal credits, String creditUnit, Details details) {

    /** What recognition rules weigh of an achievement besides its kind, code and credits. */
    public record Details(String awardingBody, LocalDate achievedOn, Integer qualificationLevel,
                          Integer vocationalLevel, String resultScheme, String resultValue) {
    }

    AchievementStanding withStatus(AchievementStatus next) {
        return new AchievementStanding(achievementId, kind, next.name(), recordedBy, recordingBranch, externalIssuer,
                externalId, certificateSerial, credits, creditUnit, details);
    }

    AchievementStanding withCredits(BigDecimal amount, String unit) {
        return new AchievementStanding(achievementId, kind, status, recordedBy, recordingBranch, externalIssuer,
                externalId, certificateSerial, amount, unit, details);
    }

    AchievementStanding withDetails(Details corrected) {
        return new AchievementStanding(achievementId, kind, status, recordedBy, recordingBranch, externalIssuer,
                externalId, certificateSerial, credits, creditUnit, corrected);
    }

    /** The lifecycle status. */
    public AchievementStatus lifecycle() {
        return AchievementStatus.valueOf(status);
    }

    /** The kind of learning. */
    public AchievementKind achievementKind() {
        return AchievementKind.valueOf(kind);
    }

    String externalKey() {
        return new ExternalReference(externalIssuer, externalId).key();
    }
}
