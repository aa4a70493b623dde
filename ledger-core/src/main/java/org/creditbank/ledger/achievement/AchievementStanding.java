package org.creditbank.ledger.achievement;

import java.math.BigDecimal;

/**
 * Where one achievement stands: what the rules need to decide the next act on it. Also carried, as plain values, to
 * the surviving account when two accounts of one person are merged.
 */
public record AchievementStanding(String achievementId, String kind, String status, String recordedBy,
                                  String recordingBranch, String externalIssuer, String externalId,
                                  String certificateSerial, BigDecimal credits, String creditUnit) {

    AchievementStanding withStatus(AchievementStatus next) {
        return new AchievementStanding(achievementId, kind, next.name(), recordedBy, recordingBranch, externalIssuer,
                externalId, certificateSerial, credits, creditUnit);
    }

    AchievementStanding withCredits(BigDecimal amount, String unit) {
        return new AchievementStanding(achievementId, kind, status, recordedBy, recordingBranch, externalIssuer,
                externalId, certificateSerial, amount, unit);
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
