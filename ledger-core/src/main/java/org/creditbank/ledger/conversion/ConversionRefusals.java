package org.creditbank.ledger.conversion;

import org.creditbank.ledger.rule.Refusal;
import org.creditbank.ledger.rule.RuleViolation;

import java.math.BigDecimal;

/** The refusals of the recognition catalogue and of conversion, each named as the rulebook names it. */
public final class ConversionRefusals {

    private ConversionRefusals() {
    }

    /** Programmes and recognition rules belong to institution branches. */
    public static final class NotAnInstitution extends RuleViolation {
        public NotAnInstitution(String branchCode) {
            super(Refusal.CONFLICT, "institution", "branch " + branchCode + " is not an institution branch: only an"
                    + " institution defines programmes and publishes recognition rules for them");
        }
    }

    /** The programme a rule or an application names was never defined. */
    public static final class UnknownProgramme extends RuleViolation {
        public UnknownProgramme(String institution, String programme) {
            super(Refusal.NOT_FOUND, "programme", "institution " + institution + " has no programme " + programme);
        }
    }

    /** A programme is defined once. */
    public static final class ProgrammeAlreadyDefined extends RuleViolation {
        public ProgrammeAlreadyDefined(String institution, String programme) {
            super(Refusal.CONFLICT, "programme", "institution " + institution + " already defined programme "
                    + programme);
        }
    }

    /** A qualification is defined once. */
    public static final class QualificationAlreadyDefined extends RuleViolation {
        public QualificationAlreadyDefined(String institution, String qualification) {
            super(Refusal.CONFLICT, "qualification", "institution " + institution + " already defined qualification "
                    + qualification);
        }
    }

    /** The qualification an award names was never defined. */
    public static final class UnknownQualification extends RuleViolation {
        public UnknownQualification(String institution, String qualification) {
            super(Refusal.NOT_FOUND, "qualification", "institution " + institution + " has no qualification "
                    + qualification);
        }
    }

    /** A qualification is awarded only when every threshold is met. */
    public static final class ThresholdsNotMet extends RuleViolation {
        public ThresholdsNotMet(String qualification, java.util.List<String> unmet) {
            super(Refusal.CONFLICT, "qualification", "qualification " + qualification + " is not met: "
                    + String.join("; ", unmet));
        }
    }

    /** A qualification is awarded once to a learner. */
    public static final class AlreadyAwarded extends RuleViolation {
        public AlreadyAwarded(String qualification, String achievementId) {
            super(Refusal.CONFLICT, "qualification", "qualification " + qualification
                    + " was already awarded to this learner (achievement " + achievementId + ")");
        }
    }

    /** A network rule is the provincial centre's. */
    public static final class NotTheCentre extends RuleViolation {
        public NotTheCentre(String branchCode) {
            super(Refusal.NOT_PERMITTED, "branchCode", "branch " + branchCode + " is not the provincial centre: only"
                    + " the centre publishes the network's hours rule");
        }
    }

    /** An hours rule's first version has no reason; each later one has one. */
    public static final class AmendmentNeedsReason extends RuleViolation {
        public AmendmentNeedsReason(String ruleId) {
            super(Refusal.INVALID_INPUT, "reason", "rule " + ruleId + " is published: an amendment needs a reason");
        }
    }

    /** Hours converted at certification are not corrected: the conversion was made from them. */
    public static final class HoursConvertedAlready extends RuleViolation {
        public HoursConvertedAlready(String achievementId) {
            super(Refusal.CONFLICT, "credits", "the hours of achievement " + achievementId + " were converted into"
                    + " standard credits at certification; revoke it and record it anew to change them");
        }
    }

    /** An agreement id names one agreement. */
    public static final class AgreementAlreadyConcluded extends RuleViolation {
        public AgreementAlreadyConcluded(String agreementId) {
            super(Refusal.CONFLICT, "agreementId", "agreement " + agreementId + " is already concluded");
        }
    }

    /** Nothing is done to an agreement never concluded. */
    public static final class UnknownAgreement extends RuleViolation {
        public UnknownAgreement(String agreementId) {
            super(Refusal.NOT_FOUND, "agreementId", "no agreement " + agreementId + " was concluded");
        }
    }

    /** An agreement is withdrawn once. */
    public static final class AgreementWithdrawnAlready extends RuleViolation {
        public AgreementWithdrawnAlready(String agreementId) {
            super(Refusal.CONFLICT, "agreementId", "agreement " + agreementId + " was already withdrawn");
        }
    }

    /** A rule id names one rule. */
    public static final class RuleAlreadyPublished extends RuleViolation {
        public RuleAlreadyPublished(String ruleId) {
            super(Refusal.CONFLICT, "ruleId", "rule " + ruleId + " is already published: amend it instead");
        }
    }

    /** Nothing is done to a rule that was never published. */
    public static final class UnknownRule extends RuleViolation {
        public UnknownRule(String ruleId) {
            this("ruleId", ruleId);
        }

        public UnknownRule(String field, String ruleId) {
            super(Refusal.NOT_FOUND, field, "no recognition rule " + ruleId + " was published");
        }
    }

    /**
     * An agreement applies a side's own rules: each rule a party accepts was published by that party or by an
     * institution within it.
     */
    public static final class NotPartysRule extends RuleViolation {
        public NotPartysRule(String field, String ruleId, String owner, String party) {
            super(Refusal.CONFLICT, field, "rule " + ruleId + " is " + owner + "'s, not a rule of " + party
                    + " or of an institution within it: a party accepts learning under its own rules");
        }
    }

    /** A withdrawn rule is neither amended nor withdrawn again. */
    public static final class RuleWithdrawn extends RuleViolation {
        public RuleWithdrawn(String ruleId) {
            super(Refusal.CONFLICT, "ruleId", "rule " + ruleId + " was withdrawn");
        }
    }

    /** Units change only through a rule, into the programme's own. */
    public static final class UnitMismatch extends RuleViolation {
        public UnitMismatch(String programme, String programmeUnit, String granted) {
            super(Refusal.CONFLICT, "grant.unit", "programme " + programme + " counts credits in " + programmeUnit
                    + "; a rule toward it cannot grant " + granted);
        }
    }

    /** An amendment comes into force after the version before it. */
    public static final class AmendmentNotLater extends RuleViolation {
        public AmendmentNotLater(String ruleId, int version, java.time.LocalDate from) {
            super(Refusal.CONFLICT, "effectiveFrom", "version " + version + " of rule " + ruleId
                    + " is in force from " + from + "; an amendment comes into force after that");
        }
    }

    /** Nothing is done to an application that was never made. */
    public static final class UnknownApplication extends RuleViolation {
        public UnknownApplication(String learnerNumber, String applicationId) {
            super(Refusal.NOT_FOUND, "applicationId", "account " + learnerNumber + " has no conversion application "
                    + applicationId);
        }
    }

    /** An application id names one application on an account. */
    public static final class ApplicationAlreadyMade extends RuleViolation {
        public ApplicationAlreadyMade(String applicationId) {
            super(Refusal.CONFLICT, "applicationId", "conversion application " + applicationId + " was already made");
        }
    }

    /** An application is decided once. */
    public static final class ApplicationAlreadyDecided extends RuleViolation {
        public ApplicationAlreadyDecided(String applicationId) {
            super(Refusal.CONFLICT, "applicationId", "conversion application " + applicationId
                    + " is already decided");
        }
    }

    /** The officer of the receiving institution decides; never the one who applied on the learner's behalf. */
    public static final class DeciderIsApplicant extends RuleViolation {
        public DeciderIsApplicant(String applicationId, String officerId) {
            super(Refusal.NOT_PERMITTED, "officer", "officer " + officerId + " applied for conversion "
                    + applicationId + " on the learner's behalf and cannot also decide it");
        }
    }

    /** Only an officer of the receiving institution decides an application to it, or awards its qualifications. */
    public static final class NotTheReceivingInstitution extends RuleViolation {
        public NotTheReceivingInstitution(String acting, String institution) {
            super(Refusal.NOT_PERMITTED, "branchCode", "the act is institution " + institution
                    + "'s; an officer of " + acting + " cannot do it");
        }
    }

    /** A source is named once in an application. */
    public static final class SourceNamedTwice extends RuleViolation {
        public SourceNamedTwice(String achievementId) {
            super(Refusal.INVALID_INPUT, "sources", "names achievement " + achievementId + " twice");
        }
    }

    /** Nothing is granted that no rule in force grants. */
    public static final class NothingToGrant extends RuleViolation {
        public NothingToGrant(String applicationId) {
            super(Refusal.CONFLICT, "applicationId", "no source of application " + applicationId
                    + " can be granted: refuse the application instead");
        }
    }

    /** A cap on credits converted into a programme is never exceeded. */
    public static final class CapExceeded extends RuleViolation {
        public CapExceeded(String cap, String programme, BigDecimal limit, BigDecimal already, BigDecimal asked,
                           String unit) {
            super(Refusal.CONFLICT, "sources", "programme " + programme + " takes at most " + limit.toPlainString()
                    + " " + unit + " " + cap + "; " + already.toPlainString() + " already count and this grant"
                    + " would add " + asked.toPlainString() + ": refuse some sources to stay within "
                    + limit.subtract(already).max(BigDecimal.ZERO).toPlainString());
        }
    }

    /** Only an application's own sources are refused in its decision. */
    public static final class NotSource extends RuleViolation {
        public NotSource(String applicationId, String achievementId) {
            super(Refusal.INVALID_INPUT, "refusedSources", "achievement " + achievementId
                    + " is not a source of application " + applicationId);
        }
    }
}
