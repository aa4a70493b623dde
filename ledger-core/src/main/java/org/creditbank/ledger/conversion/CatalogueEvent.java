package org.creditbank.ledger.conversion;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The events of an institution's recognition catalogue: its programmes (a stream each) and the recognition rules it
 * publishes for them (a stream each). Plain values only.
 */
public sealed interface CatalogueEvent {

    /** The institution branch the programme or rule belongs to. */
    String institution();

    /** When the act was recorded. */
    Instant at();

    /** An institution defined a programme that credits can be converted into. */
    @Revision("1")
    record ProgrammeDefined(String institution, String programme, String title, String unit,
                            BigDecimal totalCredits, BigDecimal transferCap, BigDecimal yearlyCap,
                            BigDecimal awardingBodyCap, String definedBy, String branchCode, Instant at)
            implements CatalogueEvent {
    }

    /**
     * An institution defined a qualification it awards, with its thresholds, toward one of its programmes (whose unit
     * the thresholds count in).
     */
    @Revision("1")
    record QualificationDefined(String institution, String qualification, QualificationTerms terms, String unit,
                                String definedBy, String branchCode, Instant at) implements CatalogueEvent {
    }

    /**
     * A provincial centre published a network rule that turns hours of non-degree learning into standard credits
     * (version 1), or amended it (a later version, in force from its own date on; {@code reason} given).
     * {@code institution} is the centre.
     */
    @Revision("1")
    record HoursRulePublished(String ruleId, int version, String institution, HoursTerms terms, String reason,
                              String publishedBy, String branchCode, Instant at) implements CatalogueEvent {
    }

    /** A recognition rule was published: version 1 of its terms. */
    @Revision("1")
    record RecognitionRulePublished(String ruleId, int version, String institution, String programme,
                                    RuleCriteria criteria, RuleGrant grant, LocalDate effectiveFrom,
                                    LocalDate effectiveUntil, String publishedBy, String branchCode, Instant at)
            implements CatalogueEvent {
    }

    /**
     * A recognition rule was amended: a new version of its terms, in force from its own effective date. Earlier
     * versions stay in force for the dates before it, as they were published.
     */
    @Revision("1")
    record RecognitionRuleAmended(String ruleId, int version, String institution, String programme,
                                  RuleCriteria criteria, RuleGrant grant, LocalDate effectiveFrom,
                                  LocalDate effectiveUntil, String reason, String amendedBy, String branchCode,
                                  Instant at) implements CatalogueEvent {
    }

    /** A recognition rule was withdrawn: no version of it is in force on or after {@code withdrawnFrom}. */
    @Revision("1")
    record RecognitionRuleWithdrawn(String ruleId, int version, String institution, String programme,
                                    LocalDate withdrawnFrom, String reason, String withdrawnBy, String branchCode,
                                    Instant at) implements CatalogueEvent {
    }
}
