package org.creditbank.ledger;

import org.creditbank.ledger.learner.ContactDetails;
import org.creditbank.ledger.learner.PersonalData;
import org.creditbank.ledger.learner.PersonalDataVault;
import org.creditbank.ledger.learner.Sealed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Stands in for the vault in aggregate tests, where nothing is ever opened: sealing is deterministic so that expected
 * events compare equal. It encrypts nothing; the real vault is tested on its own.
 */
public final class TestVault implements PersonalDataVault {

    @Override
    public Sealed sealPerson(String learnerNumber, PersonalData person) {
        return seal(learnerNumber, person.toString());
    }

    @Override
    public Sealed sealContact(String learnerNumber, ContactDetails contact) {
        return seal(learnerNumber, contact.toString());
    }

    @Override
    public Optional<PersonalData> openPerson(String learnerNumber, Sealed sealed) {
        throw new UnsupportedOperationException("aggregates never open personal data");
    }

    @Override
    public Optional<ContactDetails> openContact(String learnerNumber, Sealed sealed) {
        throw new UnsupportedOperationException("aggregates never open personal data");
    }

    private static Sealed seal(String learnerNumber, String text) {
        return new Sealed(learnerNumber, "TEST", "-",
                Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }
}
