package org.creditbank.ledger.achievement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.learner.LearnerNumber;
import org.creditbank.ledger.rule.InvalidField;

import java.util.regex.Pattern;

/** The commands of an achievement's lifecycle, each addressed to the learner's account. */
public final class AchievementCommands {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{7,63}");

    private AchievementCommands() {
    }

    /** Record an achievement; answered with a {@link RecordingOutcome}. */
    public record RecordAchievement(@TargetAggregateIdentifier LearnerNumber learner, String achievementId,
                                    AchievementDetails details, ActingOfficer actor) {
        public RecordAchievement {
            requireId(achievementId);
            InvalidField.require("achievement", details);
            InvalidField.require("actor", actor);
        }
    }

    /** Certify a recorded achievement, depositing its credits. */
    public record CertifyAchievement(@TargetAggregateIdentifier LearnerNumber learner, String achievementId,
                                     ActingOfficer actor) {
        public CertifyAchievement {
            requireId(achievementId);
            InvalidField.require("actor", actor);
        }
    }

    /** Reject a recorded achievement. */
    public record RejectAchievement(@TargetAggregateIdentifier LearnerNumber learner, String achievementId,
                                    String reason, ActingOfficer actor) {
        public RejectAchievement {
            requireId(achievementId);
            reason = InvalidField.requireText("reason", reason, 1024);
            InvalidField.require("actor", actor);
        }
    }

    /** Supersede some fields of a recorded or certified achievement. */
    public record CorrectAchievement(@TargetAggregateIdentifier LearnerNumber learner, String achievementId,
                                     String reason, AchievementCorrection correction, ActingOfficer actor) {
        public CorrectAchievement {
            requireId(achievementId);
            reason = InvalidField.requireText("reason", reason, 1024);
            InvalidField.require("corrections", correction);
            InvalidField.require("actor", actor);
        }
    }

    /** Revoke a certified achievement. */
    public record RevokeAchievement(@TargetAggregateIdentifier LearnerNumber learner, String achievementId,
                                    String reason, ActingOfficer actor) {
        public RevokeAchievement {
            requireId(achievementId);
            reason = InvalidField.requireText("reason", reason, 1024);
            InvalidField.require("actor", actor);
        }
    }

    /** The answer to recording: the achievement's id, and whether it had been recorded before (nothing written). */
    public record RecordingOutcome(String achievementId, boolean alreadyRecorded) {
    }

    private static void requireId(String achievementId) {
        if (achievementId == null || !ID.matcher(achievementId).matches()) {
            throw new InvalidField("achievementId", "must be 8-64 letters, digits or hyphens");
        }
    }
}
