package org.creditbank.ledger.achievement;

import org.creditbank.ledger.rule.InvalidField;

/** The issuer's own identification of an achievement: recording it twice for one learner is one achievement. */
public record ExternalReference(String issuer, String id) {

    public ExternalReference {
        issuer = InvalidField.requireText("externalReference.issuer", issuer);
        id = InvalidField.requireText("externalReference.id", id);
    }

    /** One string that identifies the reference. */
    public String key() {
        return issuer + "\u001f" + id;
    }
}
