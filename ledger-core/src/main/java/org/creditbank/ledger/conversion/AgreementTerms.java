package org.creditbank.ledger.conversion;

import org.creditbank.ledger.rule.InvalidField;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A mutual-recognition agreement between two parties — two institutions, or two regions (a branch and everything below
 * it) — and the recognition rules of each side that it applies to learning recorded on the other side.
 *
 * @param firstAccepts  rules published by (or for an institution within) the first party, applied to learning from the
 *                      second
 * @param secondAccepts the same, the second party's, applied to learning from the first
 */
public record AgreementTerms(String first, String second, List<String> firstAccepts, List<String> secondAccepts,
                             LocalDate effectiveFrom, LocalDate effectiveUntil) {

    public AgreementTerms {
        first = InvalidField.requireText("first", first, 32);
        second = InvalidField.requireText("second", second, 32);
        if (first.equals(second)) {
            throw new InvalidField("second", "is the first party: an agreement is between two");
        }
        firstAccepts = rules("firstAccepts", firstAccepts);
        secondAccepts = rules("secondAccepts", secondAccepts);
        if (firstAccepts.isEmpty() && secondAccepts.isEmpty()) {
            throw new InvalidField("firstAccepts", "and secondAccepts name no rule: an agreement recognises something");
        }
        InvalidField.require("effectiveFrom", effectiveFrom);
        if (effectiveUntil != null && effectiveUntil.isBefore(effectiveFrom)) {
            throw new InvalidField("effectiveUntil", "is before effectiveFrom " + effectiveFrom);
        }
    }

    /** Whether the agreement's own window holds the date. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveUntil == null || !date.isAfter(effectiveUntil));
    }

    private static List<String> rules(String field, List<String> rules) {
        if (rules == null) {
            return List.of();
        }
        if (rules.stream().anyMatch(Objects::isNull)) {
            throw new InvalidField(field, "holds an empty entry");
        }
        return rules.stream().map(id -> {
            try {
                return new RuleId(id).value();
            } catch (InvalidField e) {
                throw new InvalidField(field, e.reason());
            }
        }).distinct().toList();
    }
}
