package org.creditbank.ledger.branch;

import org.creditbank.ledger.rule.Refusal;
import org.creditbank.ledger.rule.RuleViolation;

import java.util.List;

/** The refusals of the branch-network rules, each named as the rulebook names it. */
public final class BranchRefusals {

    private BranchRefusals() {
    }

    /** A branch code is registered once. */
    public static final class BranchAlreadyRegistered extends RuleViolation {
        public BranchAlreadyRegistered(String code) {
            super(Refusal.CONFLICT, "code", "branch " + code + " is already registered");
        }
    }

    /** The network has exactly one root. */
    public static final class ProvincialCentreAlreadyRegistered extends RuleViolation {
        public ProvincialCentreAlreadyRegistered() {
            super(Refusal.CONFLICT, "tier", "the provincial centre is already registered");
        }
    }

    /** A tier sits only under the tiers the network permits. */
    public static final class TierNotPermittedUnderParent extends RuleViolation {
        public TierNotPermittedUnderParent(BranchTier tier, BranchProfile parent) {
            super(Refusal.INVALID_INPUT, "parentCode", withArticle(label(tier)) + " cannot sit under "
                    + label(parent.tier()) + " " + parent.code());
        }

        public TierNotPermittedUnderParent(BranchTier tier) {
            super(Refusal.INVALID_INPUT, "parentCode", tier == BranchTier.PROVINCIAL_CENTRE
                    ? "the provincial centre has no parent"
                    : withArticle(label(tier)) + " needs a parent branch");
        }
    }

    /** A branch's division lies within its parent's, at the level its tier requires. */
    public static final class DivisionOutsideParent extends RuleViolation {
        public DivisionOutsideParent(String reason) {
            super(Refusal.INVALID_INPUT, "divisionCode", reason);
        }
    }

    /** A parent must be active to take new branches. */
    public static final class ParentNotActive extends RuleViolation {
        public ParentNotActive(BranchProfile parent) {
            super(Refusal.CONFLICT, "parentCode", "parent branch " + parent.code() + " is "
                    + parent.status().name().toLowerCase());
        }
    }

    /** An officer is appointed to a branch once. */
    public static final class OfficerAlreadyAppointed extends RuleViolation {
        public OfficerAlreadyAppointed(String officerId, String branch) {
            super(Refusal.CONFLICT, "officerId", "officer " + officerId + " is already appointed to branch " + branch);
        }
    }

    /** One person, one officer id: a subject signs in as one officer, whatever branches they serve. */
    public static final class SubjectBoundToAnotherOfficer extends RuleViolation {
        public SubjectBoundToAnotherOfficer(String subject, String officerId) {
            super(Refusal.CONFLICT, "subject", "subject " + subject + " already signs in as officer " + officerId);
        }
    }

    /** An officer id belongs to the one person bound to it. */
    public static final class OfficerBoundToAnotherSubject extends RuleViolation {
        public OfficerBoundToAnotherSubject(String officerId) {
            super(Refusal.CONFLICT, "subject", "officer " + officerId + " is bound to another subject");
        }
    }

    /** A system client acts for the one branch it is registered with. */
    public static final class SystemClientOfOneBranch extends RuleViolation {
        public SystemClientOfOneBranch(String officerId, List<String> branches) {
            super(Refusal.CONFLICT, "officerId", "system client " + officerId + " already acts for branch "
                    + String.join(", ", branches) + "; a system client acts for one branch");
        }
    }

    /** Only an appointed officer can be removed. */
    public static final class OfficerNotAppointed extends RuleViolation {
        public OfficerNotAppointed(String officerId, String branch) {
            super(Refusal.NOT_FOUND, "officerId", "officer " + officerId + " is not appointed to branch " + branch);
        }
    }

    /** The provincial centre always keeps at least one officer, or nobody could act for it again. */
    public static final class LastOfficerOfCentre extends RuleViolation {
        public LastOfficerOfCentre(String officerId) {
            super(Refusal.CONFLICT, "officerId",
                    "officer " + officerId + " is the last officer of the provincial centre and cannot be removed");
        }
    }

    /** A change of status follows the lifecycle: active ⇄ suspended → closed. */
    public static final class StatusChangeNotPermitted extends RuleViolation {
        public StatusChangeNotPermitted(String message) {
            super(Refusal.CONFLICT, message);
        }
    }

    /** A closed branch records nothing more. */
    public static final class BranchClosedForGood extends RuleViolation {
        public BranchClosedForGood(String code) {
            super(Refusal.CONFLICT, "branch " + code + " is closed");
        }
    }

    /** Installation steps are taken once, before any officer exists; afterwards an officer acts. */
    public static final class InstallationAlreadyDone extends RuleViolation {
        public InstallationAlreadyDone() {
            super(Refusal.NOT_PERMITTED, "officer",
                    "the installation is done; this act needs an acting officer and the branch they act for");
        }
    }

    static String withArticle(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    static String label(BranchTier tier) {
        return tier.name().toLowerCase().replace('_', ' ');
    }
}
