package org.creditbank.ledger.conversion;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The institutions' programmes and recognition rules as the rules of conversion see them. Implemented by a read model
 * updated in the same transaction as the catalogue's events, so an application is never weighed against a stale
 * catalogue.
 */
public interface RecognitionCatalogue {

    /** The programme's terms, if the institution defined it. */
    Optional<ProgrammeTerms> programme(String institution, String programme);

    /**
     * The recognition rules in force for the programme on the date that take one of the kinds: of each rule not
     * withdrawn by then, the latest version begun by the date (a later version replaces the earlier ones from its date
     * on), if its own window still holds the date and its kind is one of them.
     */
    List<RuleVersion> rulesInForce(String institution, String programme, LocalDate on,
                                   java.util.Set<org.creditbank.ledger.achievement.AchievementKind> kinds);

    /**
     * The network hours rule in force for a kind of learning on the date, if any: of the rules not withdrawn by then
     * whose version in force takes the kind, the one in force from the latest date (then the lowest id).
     */
    Optional<HoursRuleVersion> hoursRuleInForce(org.creditbank.ledger.achievement.AchievementKind kind,
                                                LocalDate on);

    /** Every mutual-recognition agreement, with its withdrawal (a few hundred at most in a province). */
    List<AgreementVersion> agreements();

    /** The institution that published the recognition rule, if it was published. */
    Optional<String> ruleOwner(String ruleId);

    /** The qualification, if the institution defined it. */
    Optional<QualificationDefinition> qualification(String institution, String qualification);
}
