package org.creditbank.ledger.projection.conversion;

import org.creditbank.ledger.conversion.RuleGrant;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A conversion application as the learner and the institution read it: what was applied for, each source with how
 * the rules weighed it and its outcome, the decision, and — once a source of a grant was revoked or corrected — why
 * the grant no longer stands ({@code invalidation}).
 */
public record ConversionView(String learnerNumber, String applicationId, String institution, String programme,
                             LocalDate appliedOn, String appliedBy, String appliedBranch, Instant appliedAt,
                             String status, BigDecimal credits, String creditUnit, LocalDate grantedOn,
                             String refusal, String decidedBy, Instant decidedAt, Invalidation invalidation,
                             List<Source> sources) {

    /** Why a grant no longer stands: its source revoked or corrected, with the act's reason, by whom and when. */
    public record Invalidation(String achievementId, String act, String reason, String by, Instant at) {
    }

    /**
     * A source: the rule version that takes it (and the agreement it cites) and what it grants, or why none does
     * ({@code assessment}); once
     * decided, GRANTED or REFUSED with why.
     */
    public record Source(String achievementId, String ruleId, Integer ruleVersion, String agreementId,
                         BigDecimal credits, String creditUnit, String course, List<RuleGrant.Exemption> exemptions,
                         String assessment, String outcome, String reason) {
    }
}
