package org.creditbank.ledger.conversion;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.creditbank.ledger.access.Subject;
import org.creditbank.ledger.achievement.AchievementIds;
import org.creditbank.ledger.achievement.Evidence;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.BranchCode;
import org.creditbank.ledger.learner.LearnerNumber;
import org.creditbank.ledger.rule.InvalidField;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The commands of conversion applications, each addressed to the learner's account. */
public final class ConversionCommands {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{7,63}");
    /** The most sources one application names. */
    public static final int MAX_SOURCES = 200;

    private ConversionCommands() {
    }

    /**
     * Apply to convert achievements on the account into credits of an institution's programme: by an officer on the
     * learner's behalf ({@code actor}), or by the learner signed in ({@code learnerSelf}).
     */
    public record ApplyForConversion(@TargetAggregateIdentifier LearnerNumber learner, String applicationId,
                                     BranchCode institution, String programme, List<String> sources,
                                     ActingOfficer actor, Subject learnerSelf) {
        public ApplyForConversion {
            requireId(applicationId);
            InvalidField.require("institution", institution);
            programme = ProgrammeCode.requireProgramme("programme", programme);
            if (sources == null || sources.isEmpty()) {
                throw new InvalidField("sources", "names no achievement");
            }
            if (sources.size() > MAX_SOURCES) {
                throw new InvalidField("sources", "names more than " + MAX_SOURCES + " achievements");
            }
            sources = sources.stream().map(id -> AchievementIds.require("sources", id)).toList();
            if ((actor == null) == (learnerSelf == null)) {
                throw new InvalidField("actor", "an application is made by an officer or by the learner");
            }
        }
    }

    /**
     * Grant an application, but for the sources refused (each with its reason); or, with {@code refusal}, refuse the
     * whole application.
     */
    public record DecideConversion(@TargetAggregateIdentifier LearnerNumber learner, String applicationId,
                                   Map<String, String> refusedSources, String refusal, ActingOfficer actor) {
        public DecideConversion {
            requireId(applicationId);
            refusedSources = refusedSources == null ? Map.of() : Map.copyOf(refusedSources);
            refusedSources.forEach((id, reason) -> {
                AchievementIds.require("refusedSources.achievementId", id);
                InvalidField.requireText("refusedSources.reason", reason, 1024);
            });
            refusal = InvalidField.optionalText("refusal", refusal, 1024);
            if (refusal != null && !refusedSources.isEmpty()) {
                throw new InvalidField("refusedSources", "cannot be given with a refusal of the whole application");
            }
            InvalidField.require("actor", actor);
        }
    }

    /**
     * Award a qualification of an institution, by a certifier acting for it, as the achievement {@code achievementId}
     * (named by the server), with the diploma's evidence.
     */
    public record AwardQualification(@TargetAggregateIdentifier LearnerNumber learner, String achievementId,
                                     BranchCode institution, String qualification, Evidence evidence,
                                     ActingOfficer actor) {
        public AwardQualification {
            InvalidField.require("achievementId", achievementId);
            InvalidField.require("institution", institution);
            qualification = ProgrammeCode.requireProgramme("qualification", qualification);
            InvalidField.require("evidence", evidence);
            InvalidField.require("actor", actor);
        }
    }

    private static void requireId(String applicationId) {
        if (applicationId == null || !ID.matcher(applicationId).matches()) {
            throw new InvalidField("applicationId", "must be 8-64 letters, digits or hyphens");
        }
    }
}
