package org.creditbank.ledger.achievement;

import org.creditbank.ledger.rule.Refusal;
import org.creditbank.ledger.rule.RuleViolation;

/** The refusals of the achievement rules, each named as the rulebook names it. */
public final class AchievementRefusals {

    private AchievementRefusals() {
    }

    /** The achievement id names no achievement on this account. */
    public static final class UnknownAchievement extends RuleViolation {
        public UnknownAchievement(String learnerNumber, String achievementId) {
            super(Refusal.NOT_FOUND, "achievementId",
                    "account " + learnerNumber + " has no achievement " + achievementId);
        }
    }

    /** Certification deposits credits once. */
    public static final class AlreadyCertified extends RuleViolation {
        public AlreadyCertified(String achievementId) {
            super(Refusal.CONFLICT, "achievement " + achievementId + " is already certified");
        }
    }

    /** Nothing is done to a rejected or revoked achievement, and only what is recorded awaits a decision. */
    public static final class NotInThatState extends RuleViolation {
        public NotInThatState(String achievementId, AchievementStatus status, String act) {
            super(Refusal.CONFLICT, "achievement " + achievementId + " is " + status.name().toLowerCase()
                    + " and cannot be " + act);
        }
    }

    /** Where an achievement needs review, the officer who certifies is not the officer who recorded it. */
    public static final class ReviewByAnotherOfficer extends RuleViolation {
        public ReviewByAnotherOfficer(String achievementId, AchievementKind kind, String officerId, String act) {
            super(Refusal.NOT_PERMITTED, "officer", "a " + kind.name().toLowerCase().replace('_', ' ')
                    + " needs review: officer " + officerId + " recorded achievement " + achievementId
                    + " and cannot also " + act + " it");
        }
    }

    /** The certifier is never the recorder, whatever the kind: four eyes on every deposit of credits. */
    public static final class CertifierIsRecorder extends RuleViolation {
        public CertifierIsRecorder(String achievementId, String officerId) {
            super(Refusal.NOT_PERMITTED, "officer", "officer " + officerId + " recorded achievement " + achievementId
                    + " and cannot also certify it: another officer certifies");
        }
    }

    /** A certificate serial belongs to one learner. */
    public static final class CertificateHeldByAnotherLearner extends RuleViolation {
        public CertificateHeldByAnotherLearner(String serial) {
            super(Refusal.CONFLICT, "certificateSerial",
                    "certificate " + serial + " is already held by another learner; the attempt is kept for review");
        }
    }

    /** One certificate is one achievement on an account. */
    public static final class CertificateAlreadyOnAccount extends RuleViolation {
        public CertificateAlreadyOnAccount(String serial, String achievementId) {
            super(Refusal.CONFLICT, "certificateSerial",
                    "certificate " + serial + " is already recorded on this account as achievement " + achievementId);
        }
    }
}
