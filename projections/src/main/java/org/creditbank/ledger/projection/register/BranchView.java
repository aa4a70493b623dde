package org.creditbank.ledger.projection.register;

import java.time.Instant;
import java.util.List;

/** A branch as the register shows it, with its officers and (to the depth asked for) its children. */
public record BranchView(String code, String name, String tier, String parentCode, String divisionCode,
                         String status, List<String> lineage, Instant registeredAt, List<Officer> officers,
                         int childCount, List<BranchView> children) {

    /** An officer appointed to the branch. */
    public record Officer(String officerId, String name, Instant appointedAt) {
    }
}
