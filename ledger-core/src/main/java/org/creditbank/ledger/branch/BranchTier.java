package org.creditbank.ledger.branch;

import java.util.Set;

/**
 * The tiers of the branch network and which tier each may sit under.
 *
 * <pre>
 * PROVINCIAL_CENTRE
 *   ├─ MUNICIPAL_BRANCH
 *   │    ├─ COUNTY_SUB_CENTRE
 *   │    │    ├─ ACCEPTANCE_POINT
 *   │    │    └─ INSTITUTION_BRANCH
 *   │    └─ INSTITUTION_BRANCH
 *   └─ INSTITUTION_BRANCH
 * </pre>
 */
public enum BranchTier {
    PROVINCIAL_CENTRE(1),
    MUNICIPAL_BRANCH(2),
    COUNTY_SUB_CENTRE(3),
    ACCEPTANCE_POINT(3),
    INSTITUTION_BRANCH(0);

    private final int divisionLevel;

    BranchTier(int divisionLevel) {
        this.divisionLevel = divisionLevel;
    }

    /** The tiers a branch of this tier may be registered under; empty for the root of the network. */
    public Set<BranchTier> permittedParents() {
        return switch (this) {
            case PROVINCIAL_CENTRE -> Set.of();
            case MUNICIPAL_BRANCH -> Set.of(PROVINCIAL_CENTRE);
            case COUNTY_SUB_CENTRE -> Set.of(MUNICIPAL_BRANCH);
            case ACCEPTANCE_POINT -> Set.of(COUNTY_SUB_CENTRE);
            case INSTITUTION_BRANCH -> Set.of(PROVINCIAL_CENTRE, MUNICIPAL_BRANCH, COUNTY_SUB_CENTRE);
        };
    }

    /**
     * The division level (1 province, 2 city, 3 county) a branch of this tier must have, or 0 when any level within
     * its parent's division will do (institution branches).
     */
    public int divisionLevel() {
        return divisionLevel;
    }
}
