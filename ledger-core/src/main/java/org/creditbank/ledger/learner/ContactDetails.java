package org.creditbank.ledger.learner;

import org.creditbank.ledger.rule.InvalidField;

/** How to reach a learner; every part is optional. Personal data: see {@link PersonalData}. */
public record ContactDetails(String phone, String email, String address) {

    /** No contact details at all. */
    public static final ContactDetails NONE = new ContactDetails(null, null, null);

    public ContactDetails {
        phone = InvalidField.optionalText("contact.phone", phone, 64);
        email = InvalidField.optionalText("contact.email", email, InvalidField.DEFAULT_MAX_LENGTH);
        address = InvalidField.optionalText("contact.address", address, 1024);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidField("contact.email", "is not an e-mail address");
        }
    }
}
