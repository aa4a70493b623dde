package org.creditbank.ledger.group;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * At its certification, a learner's non-academic achievement earned learning points under the network's points rule
 * in force: the standard credits deposited and the whole points they earned. On the learner's stream.
 */
@Revision("1")
public record PointsEarned(String learnerNumber, String achievementId, String ruleId, int ruleVersion,
                           BigDecimal credits, BigDecimal points, Instant at) {
}
