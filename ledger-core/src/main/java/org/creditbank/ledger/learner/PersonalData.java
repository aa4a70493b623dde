package org.creditbank.ledger.learner;

import org.creditbank.ledger.rule.InvalidField;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A learner's personal data. It never travels in an event in clear: events carry it {@link Sealed} with the
 * learner's own key (see {@link PersonalDataVault}).
 *
 * @param birthDate ISO-8601 date, kept as text so an encrypted form has the same shape
 */
public record PersonalData(String fullName, String idDocumentType, String idDocumentNumber, String birthDate,
                           ContactDetails contact) {

    public PersonalData {
        fullName = InvalidField.requireText("fullName", fullName);
        idDocumentType = IdentityDocument.type(InvalidField.requireText("idDocumentType", idDocumentType, 64));
        idDocumentNumber = IdentityDocument.number(InvalidField.requireText("idDocumentNumber", idDocumentNumber, 64));
        if (idDocumentNumber.isEmpty()) {
            throw new InvalidField("idDocumentNumber", "must hold more than spaces and hyphens");
        }
        birthDate = InvalidField.requireText("birthDate", birthDate, 10);
        try {
            LocalDate.parse(birthDate);
        } catch (DateTimeParseException e) {
            throw new InvalidField("birthDate", "must be a date like 1990-05-17, got \"" + birthDate + "\"");
        }
        contact = contact == null ? ContactDetails.NONE : contact;
    }

    /**
     * The identity that says two accounts belong to one natural person: document type and number, both in their
     * {@link IdentityDocument canonical form}. For a resident ID typed without spaces or hyphens this is the key
     * accounts were always matched by.
     */
    public String identityKey() {
        return idDocumentType + ":" + idDocumentNumber;
    }
}
