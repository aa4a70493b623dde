package org.creditbank.ledger.branch;

import java.util.List;

/**
 * What the rules need to know of a branch: its tier, division, status and its line of ancestors.
 *
 * @param lineage the codes from the provincial centre down to this branch, inclusive
 */
public record BranchProfile(String code, String name, BranchTier tier, String divisionCode, BranchStatus status,
                            String parentCode, List<String> lineage) {

    public BranchProfile {
        lineage = List.copyOf(lineage);
    }

    /** Whether {@code other} lies in this branch's jurisdiction: this branch's subtree, itself included. */
    public boolean covers(BranchProfile other) {
        return other.lineage.contains(code);
    }

    /** Whether this branch may act at all. */
    public boolean isActive() {
        return status == BranchStatus.ACTIVE;
    }
}
