package org.creditbank.ledger.achievement;

import org.creditbank.ledger.rule.InvalidField;

import java.time.LocalDate;

/**
 * What is recorded about one learning achievement.
 *
 * @param assessingBody      who assessed the learning; the awarding body when not given
 * @param achievedOn         valid time: when it was achieved (the recorded time is the event's)
 * @param qualificationLevel qualification-framework level 1-8, where one applies
 * @param vocationalLevel    level 1-5 of a vocational certificate; required for that kind only
 * @param certificateSerial  the serial printed on a certificate, if any; held by one learner only
 */
public record AchievementDetails(AchievementKind kind, String title, String awardingBody, String assessingBody,
                                 LocalDate achievedOn, Evidence evidence, Credits credits,
                                 Integer qualificationLevel, Integer vocationalLevel, Result result,
                                 ExternalReference externalReference, String certificateSerial) {

    public AchievementDetails {
        InvalidField.require("kind", kind);
        title = InvalidField.requireText("title", title, 512);
        awardingBody = InvalidField.requireText("awardingBody", awardingBody);
        assessingBody = assessingBody == null || assessingBody.isBlank() ? awardingBody
                : InvalidField.requireText("assessingBody", assessingBody);
        InvalidField.require("achievedOn", achievedOn);
        InvalidField.require("evidence", evidence);
        InvalidField.require("credits", credits);
        requireQualificationLevel(qualificationLevel);
        if (kind == AchievementKind.VOCATIONAL_CERTIFICATE) {
            if (vocationalLevel == null) {
                throw new InvalidField("vocationalLevel", "is required for a vocational certificate (1-5)");
            }
            requireVocationalLevel(vocationalLevel);
        } else if (vocationalLevel != null) {
            throw new InvalidField("vocationalLevel", "applies only to a vocational certificate");
        }
        InvalidField.require("externalReference", externalReference);
        certificateSerial = CertificateSerial.displayForm(certificateSerial);
    }

    static void requireQualificationLevel(Integer level) {
        if (level != null && (level < 1 || level > 8)) {
            throw new InvalidField("qualificationLevel", "must be 1 to 8, got " + level);
        }
    }

    static void requireVocationalLevel(Integer level) {
        if (level != null && (level < 1 || level > 5)) {
            throw new InvalidField("vocationalLevel", "must be 1 to 5, got " + level);
        }
    }
}
