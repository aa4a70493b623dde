package org.creditbank.ledger.achievement;

import org.creditbank.ledger.rule.InvalidField;

import java.time.LocalDate;
import java.util.stream.Stream;

/**
 * The fields a correction supersedes; a null field stays as it was. Kind, external reference and certificate serial
 * identify the achievement and are never corrected: a wrong one is revoked or rejected and recorded anew.
 */
public record AchievementCorrection(String title, String awardingBody, String assessingBody, LocalDate achievedOn,
                                    Evidence evidence, Credits credits, Integer qualificationLevel,
                                    Integer vocationalLevel, Result result) {

    public AchievementCorrection {
        title = InvalidField.optionalText("title", title, 512);
        awardingBody = InvalidField.optionalText("awardingBody", awardingBody, InvalidField.DEFAULT_MAX_LENGTH);
        assessingBody = InvalidField.optionalText("assessingBody", assessingBody, InvalidField.DEFAULT_MAX_LENGTH);
        AchievementDetails.requireQualificationLevel(qualificationLevel);
        AchievementDetails.requireVocationalLevel(vocationalLevel);
        if (Stream.of(title, awardingBody, assessingBody, achievedOn, evidence, credits, qualificationLevel,
                vocationalLevel, result).allMatch(field -> field == null)) {
            throw new InvalidField("corrections", "name at least one field to correct");
        }
    }
}
