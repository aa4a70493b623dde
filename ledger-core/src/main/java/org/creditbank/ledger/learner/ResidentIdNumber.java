package org.creditbank.ledger.learner;

import org.creditbank.ledger.rule.InvalidField;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A resident identity number is 17 digits and an ISO 7064 MOD 11-2 check character; digits 7-14 are the holder's
 * birth date (YYYYMMDD), which must be a real date and the birth date the account is opened with. Checked when an
 * account is opened, before anything happens; personal data sealed earlier is opened as it was stored.
 */
public final class ResidentIdNumber {

    private ResidentIdNumber() {
    }

    /** Refuses a person named by a resident ID whose number is mistyped or disagrees with their birth date. */
    public static void requireConsistent(PersonalData person) {
        if (!IdentityDocument.RESIDENT_ID.equals(person.idDocumentType())) {
            return;
        }
        String number = person.idDocumentNumber();
        Iso7064Mod11_2.requireValid("idDocumentNumber", number, "check character");
        String digits = number.substring(6, 14);
        LocalDate born;
        try {
            born = LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new InvalidField("idDocumentNumber", "digits 7-14 must be a birth date (YYYYMMDD), got " + digits);
        }
        if (!born.toString().equals(person.birthDate())) {
            throw new InvalidField("birthDate", "must be the birth date the resident ID number carries, "
                    + born + "; got " + person.birthDate());
        }
    }
}
