package org.creditbank.ledger.api.intake;

import org.creditbank.ledger.rule.RuleViolation;

/** A refusal of a row, naming the file's column its field is found in; the rule and its words unchanged. */
final class InColumn extends RuleViolation {

    private final RuleViolation refused;

    private InColumn(RuleViolation refused, String column) {
        super(refused.refusal(), column, refused.getMessage());
        this.refused = refused;
    }

    /** The refusal, naming {@code column} when there is one; otherwise as it is. */
    static RuleViolation of(RuleViolation refused, String column) {
        return column == null || column.equals(refused.field()) ? refused : new InColumn(refused, column);
    }

    @Override
    public String rule() {
        return refused.rule();
    }

    @Override
    public String reason() {
        return refused.reason();
    }
}
