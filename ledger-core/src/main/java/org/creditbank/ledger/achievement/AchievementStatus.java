package org.creditbank.ledger.achievement;

/**
 * recorded → certified (credits deposited) or rejected; certified → revoked. Rejected and revoked are final.
 * {@code SUPERSEDED}: carried over by a merge as a duplicate of an achievement the surviving account already holds;
 * final, and never counted.
 */
public enum AchievementStatus {
    RECORDED, CERTIFIED, REJECTED, REVOKED, SUPERSEDED
}
