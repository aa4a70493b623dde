package org.creditbank.ledger.conversion;

/** A mutual-recognition agreement's id: as a rule's. Its event stream is {@code agreement:<id>}. */
public record AgreementId(String value) {

    public AgreementId {
        value = new RuleId(value).value();
    }

    @Override
    public String toString() {
        return "agreement:" + value;
    }
}
