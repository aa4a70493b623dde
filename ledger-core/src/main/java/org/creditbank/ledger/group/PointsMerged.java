package org.creditbank.ledger.group;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The learning points of an account merged into this one moved here with it, in the merge's own act: debited from
 * the merged account (its whole balance at the merge) and credited to this one. On the survivor's stream.
 */
@Revision("1")
public record PointsMerged(String learnerNumber, String mergedNumber, BigDecimal points, String mergedBy,
                           String branchCode, Instant at) {
}
