package org.creditbank.ledger.conversion;

import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.achievement.AchievementStanding;
import org.creditbank.ledger.rule.InvalidField;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which achievements a recognition rule takes: all that is given must hold; what is left out does not matter.
 *
 * @param kind                  the kind of learning (required)
 * @param code                  a certificate or course code: the source's certificate serial or its issuer's own id
 *                              starts with it
 * @param awardingBody          the awarding body, exactly
 * @param minQualificationLevel the lowest qualification-framework level (1-8)
 * @param minVocationalLevel    the lowest vocational level (1-5)
 * @param resultScheme          the grading scheme a result must be under; with {@code minResult} (a number: the
 *                              result's value must be a number at least this) or {@code acceptedResults} (values
 *                              taken as they are written)
 * @param maxAgeYears           how old, in whole years on the application date, the achievement may be at most
 */
public record RuleCriteria(AchievementKind kind, String code, String awardingBody, Integer minQualificationLevel,
                           Integer minVocationalLevel, String resultScheme, BigDecimal minResult,
                           List<String> acceptedResults, Integer maxAgeYears) {

    private static final BigDecimal RESULT_LIMIT = BigDecimal.TEN.pow(15);

    public RuleCriteria {
        InvalidField.require("criteria.kind", kind);
        code = InvalidField.optionalText("criteria.code", code, 64);
        awardingBody = InvalidField.optionalText("criteria.awardingBody", awardingBody, 255);
        requireRange("criteria.minQualificationLevel", minQualificationLevel, 1, 8);
        requireRange("criteria.minVocationalLevel", minVocationalLevel, 1, 5);
        requireRange("criteria.maxAgeYears", maxAgeYears, 1, 100);
        resultScheme = InvalidField.optionalText("criteria.resultScheme", resultScheme, 64);
        acceptedResults = acceptedResults == null || acceptedResults.isEmpty() ? null
                : acceptedResults.stream().map(v -> InvalidField.requireText("criteria.acceptedResults", v, 64))
                        .toList();
        if (minResult != null && (minResult.abs().compareTo(RESULT_LIMIT) >= 0
                || minResult.stripTrailingZeros().scale() > 4)) {
            throw new InvalidField("criteria.minResult", "must be a number below 10^15 with at most 4 decimal places");
        }
        if ((minResult != null || acceptedResults != null) && resultScheme == null) {
            throw new InvalidField("criteria.resultScheme", "is required with a minimum or accepted results");
        }
        if (minResult != null && acceptedResults != null) {
            throw new InvalidField("criteria.acceptedResults", "cannot be given with minResult: one or the other");
        }
        if (resultScheme != null && minResult == null && acceptedResults == null) {
            throw new InvalidField("criteria.minResult", "or acceptedResults is required with a result scheme");
        }
    }

    /**
     * Whether a source meets these criteria on the application date: the check of every rule against every source of
     * an application, so it builds no words ({@link #unmetBy} says why not).
     */
    boolean takes(Candidate source, LocalDate applicationDate) {
        AchievementStanding.Details d = source.details();
        if (source.kind() != kind
                || code != null && !startsWith(source.standing().certificateSerial(), code)
                && !startsWith(source.standing().externalId(), code)
                || awardingBody != null && !awardingBody.equals(d.awardingBody())
                || minQualificationLevel != null && (d.qualificationLevel() == null
                || d.qualificationLevel() < minQualificationLevel)
                || minVocationalLevel != null && (d.vocationalLevel() == null
                || d.vocationalLevel() < minVocationalLevel)
                || maxAgeYears != null && (d.achievedOn() == null
                || d.achievedOn().plusYears(maxAgeYears).isBefore(applicationDate))) {
            return false;
        }
        if (resultScheme == null) {
            return true;
        }
        if (!resultScheme.equals(d.resultScheme())) {
            return false;
        }
        return acceptedResults != null ? acceptedResults.contains(d.resultValue())
                : source.numericResult() != null && source.numericResult().compareTo(minResult) >= 0;
    }

    /**
     * Why a source does not meet these criteria on the application date, in words a person understands; empty when it
     * does.
     */
    public Optional<String> unmetBy(AchievementStanding standing, LocalDate applicationDate) {
        List<String> unmet = new ArrayList<>();
        if (standing.achievementKind() != kind) {
            unmet.add("it is a " + words(standing.achievementKind()) + ", the rule takes a " + words(kind));
        }
        if (code != null && !startsWith(standing.certificateSerial(), code)
                && !startsWith(standing.externalId(), code)) {
            unmet.add("its certificate or course code is not " + code);
        }
        AchievementStanding.Details source = standing.details() != null ? standing.details()
                : new AchievementStanding.Details(null, null, null, null, null, null);
        if (awardingBody != null && !awardingBody.equals(source.awardingBody())) {
            unmet.add("it was awarded by " + source.awardingBody() + ", the rule takes " + awardingBody);
        }
        if (minQualificationLevel != null && (source.qualificationLevel() == null
                || source.qualificationLevel() < minQualificationLevel)) {
            unmet.add("its qualification level is " + shown(source.qualificationLevel()) + ", the rule needs at least "
                    + minQualificationLevel);
        }
        if (minVocationalLevel != null && (source.vocationalLevel() == null
                || source.vocationalLevel() < minVocationalLevel)) {
            unmet.add("its vocational level is " + shown(source.vocationalLevel()) + ", the rule needs at least "
                    + minVocationalLevel);
        }
        if (resultScheme != null) {
            resultUnmet(source).ifPresent(unmet::add);
        }
        if (maxAgeYears != null && source.achievedOn() == null) {
            unmet.add("when it was achieved is not known to this account");
        } else if (maxAgeYears != null && source.achievedOn().plusYears(maxAgeYears).isBefore(applicationDate)) {
            unmet.add("it was achieved on " + source.achievedOn() + ", more than " + maxAgeYears
                    + (maxAgeYears == 1 ? " year" : " years") + " before " + applicationDate);
        }
        return unmet.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", unmet));
    }

    private Optional<String> resultUnmet(AchievementStanding.Details source) {
        if (!resultScheme.equals(source.resultScheme())) {
            return Optional.of(source.resultScheme() == null ? "it has no result, the rule needs one under "
                    + resultScheme : "its result is under " + source.resultScheme() + ", the rule needs "
                    + resultScheme);
        }
        if (acceptedResults != null) {
            return acceptedResults.contains(source.resultValue()) ? Optional.empty()
                    : Optional.of("its result " + source.resultValue() + " is not one of " + acceptedResults);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(source.resultValue());
        } catch (NumberFormatException e) {
            return Optional.of("its result " + source.resultValue() + " is not a number");
        }
        return value.compareTo(minResult) >= 0 ? Optional.empty()
                : Optional.of("its result is " + source.resultValue() + ", the rule needs at least "
                        + minResult.toPlainString());
    }

    private static boolean startsWith(String value, String prefix) {
        return value != null && value.startsWith(prefix);
    }

    private static String shown(Integer level) {
        return level == null ? "not given" : level.toString();
    }

    static String words(AchievementKind kind) {
        return kind.name().toLowerCase().replace('_', ' ');
    }

    private static void requireRange(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidField(field, "must be " + min + " to " + max + ", got " + value);
        }
    }
}
