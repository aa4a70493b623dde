package org.creditbank.ledger.learner;

/** How to reach a learner; every part is optional. Personal data: see {@link PersonalData}. */
public record ContactDetails(String phone, String email, String address) {

    /** No contact details at all. */
    public static final ContactDetails NONE = new ContactDetails(null, null, null);

    public ContactDetails {
        phone = blankToNull(phone);
        email = blankToNull(email);
        address = blankToNull(address);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new org.creditbank.ledger.rule.InvalidField("contact.email", "is not an e-mail address");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
