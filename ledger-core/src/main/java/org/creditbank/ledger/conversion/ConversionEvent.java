package org.creditbank.ledger.conversion;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The events of conversion applications: on the learner's account stream, beside its achievements, so one learner's
 * conversions are decided in one ordered place. Each records what a replay needs without weighing a rule again.
 */
public sealed interface ConversionEvent {

    /** The account the application is on. */
    String learnerNumber();

    /** The application the event is about. */
    String applicationId();

    /** When the act was recorded. */
    Instant at();

    /**
     * The learner, or an officer on the learner's behalf, applied to convert achievements into credits of a programme;
     * each source was weighed against the rules in force on {@code appliedOn}.
     *
     * @param appliedBy the officer who applied, or {@code learner} when the learner did (then {@code branchCode} is
     *                  null)
     */
    @Revision("1")
    record ConversionApplied(String learnerNumber, String applicationId, String institution, String programme,
                             LocalDate appliedOn, List<Assessment> sources, String appliedBy, String branchCode,
                             Instant at) implements ConversionEvent {
    }

    /**
     * An officer of the receiving institution granted the application: the sources and the credits granted for each,
     * under the rule version that granted them; the sources refused, with why; the date of the grant in the ledger's
     * time zone (the year the yearly cap counts it in).
     */
    @Revision("1")
    record ConversionGranted(String learnerNumber, String applicationId, String institution, String programme,
                             List<SourceGrant> granted, List<SourceRefusal> refused, BigDecimal credits, String unit,
                             LocalDate grantedOn, String decidedBy, String branchCode, Instant at)
            implements ConversionEvent {
    }

    /** An officer of the receiving institution refused the whole application. */
    @Revision("1")
    record ConversionRefused(String learnerNumber, String applicationId, String institution, String programme,
                             String reason, String decidedBy, String branchCode, Instant at)
            implements ConversionEvent {
    }

    /**
     * A granted conversion no longer stands: one of its sources was revoked or corrected ({@code cause}: the act and
     * its reason). The credits it granted no longer count toward the programme, and every one of its sources may be
     * applied for again. Applied in the same command as the act on the source, by whoever did that act.
     *
     * @param causeAct {@code REVOKED} or {@code CORRECTED}
     */
    @Revision("1")
    record ConversionInvalidated(String learnerNumber, String applicationId, String institution, String programme,
                                 String causeAchievementId, String causeAct, String causeReason, BigDecimal credits,
                                 String unit, String invalidatedBy, String branchCode, Instant at)
            implements ConversionEvent {
    }

    /**
     * How a source weighed on the application date: the rule version that grants it (and the mutual-recognition
     * agreement under which it applies to learning from where the source was recorded, if one does) and what it
     * grants, or why no rule does.
     */
    record Assessment(String achievementId, String ruleId, Integer ruleVersion, String agreementId,
                      BigDecimal credits, String unit, String course, List<RuleGrant.Exemption> exemptions,
                      String refusal) {

        /** Whether a rule grants the source. */
        public boolean grantable() {
            return refusal == null;
        }
    }

    /**
     * A source consumed by a grant: the rule version (and the agreement it cited, or null), and the credits it granted
     * in the programme's unit.
     */
    record SourceGrant(String achievementId, String awardingBody, String ruleId, int ruleVersion, String agreementId,
                       BigDecimal credits, String unit, String course, List<RuleGrant.Exemption> exemptions) {
    }

    /** A source not granted, and why, in words the learner understands. */
    record SourceRefusal(String achievementId, String reason) {
    }
}
