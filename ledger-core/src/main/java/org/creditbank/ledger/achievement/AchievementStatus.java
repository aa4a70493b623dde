package org.creditbank.ledger.achievement;

/** recorded → certified (credits deposited) or rejected; certified → revoked. Rejected and revoked are final. */
public enum AchievementStatus {
    RECORDED, CERTIFIED, REJECTED, REVOKED
}
