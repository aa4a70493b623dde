package org.creditbank.ledger.conversion;

import java.time.LocalDate;

/**
 * One version of a recognition rule's terms, as the catalogue holds it: in force from {@code effectiveFrom} to
 * {@code effectiveUntil} (inclusive; null: open), unless the rule was withdrawn before.
 */
public record RuleVersion(String ruleId, int version, String institution, String programme, RuleCriteria criteria,
                          RuleGrant grant, LocalDate effectiveFrom, LocalDate effectiveUntil) {

    /** Whether this version's own window holds the date. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveUntil == null || !date.isAfter(effectiveUntil));
    }
}
