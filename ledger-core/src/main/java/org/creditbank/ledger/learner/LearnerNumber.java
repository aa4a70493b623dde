package org.creditbank.ledger.learner;

import org.creditbank.ledger.branch.DivisionCode;

/**
 * The lifelong learner number: 18 characters, 17 digits and one ISO 7064 MOD 11-2 check character (0-9 or X), like a
 * resident identity number. Digits 1-6 are the administrative-division code of the branch that opened the account;
 * digits 7-17 are a serial issued by the ledger.
 */
public record LearnerNumber(String value) {

    private static final long MAX_SERIAL = 99_999_999_999L;

    public LearnerNumber {
        Iso7064Mod11_2.requireValid("learnerNumber", value, "check character of " + value);
    }

    /** Parses a learner number typed by a person; a lower-case x is accepted for X. */
    public static LearnerNumber parse(String typed) {
        return new LearnerNumber(typed == null ? null : typed.strip().toUpperCase());
    }

    /** Issues the number for {@code serial} (1 to 99,999,999,999) at a branch in {@code division}. */
    public static LearnerNumber issue(DivisionCode division, long serial) {
        if (serial < 1 || serial > MAX_SERIAL) {
            throw new IllegalArgumentException("learner serial out of range: " + serial);
        }
        String body = division.value() + String.format("%011d", serial);
        return new LearnerNumber(body + Iso7064Mod11_2.checkCharacter(body));
    }

    /** The division code of the branch that opened the account. */
    public DivisionCode division() {
        return new DivisionCode(value.substring(0, 6));
    }

    @Override
    public String toString() {
        return value;
    }
}
