package org.creditbank.ledger.learner;

import java.util.Collection;
import java.util.Optional;

/**
 * Seals and opens learners' personal data with a key per learner. Sealing for a learner who has no key yet creates
 * one, in the same transaction as the event that carries the sealed data. Once a learner's key is erased, nothing
 * sealed with it can be opened again: {@code open*} answers empty.
 */
public interface PersonalDataVault {

    /** Seals a person's identity and contact details for the learner's account. */
    Sealed sealPerson(String learnerNumber, PersonalData person);

    /** Seals contact details for the learner's account. */
    Sealed sealContact(String learnerNumber, ContactDetails contact);

    /** The person sealed for this learner, or empty once the learner's key is erased. */
    Optional<PersonalData> openPerson(String learnerNumber, Sealed sealed);

    /** The contact details sealed for this learner, or empty once the learner's key is erased. */
    Optional<ContactDetails> openContact(String learnerNumber, Sealed sealed);

    /**
     * Opens the data of many learners, their keys looked up once, together (a batch of events); the data of any other
     * learner as {@link #openPerson} and {@link #openContact} do.
     */
    default Opener opener(Collection<String> learnerNumbers) {
        return new Opener() {
            @Override
            public Optional<PersonalData> openPerson(String learnerNumber, Sealed sealed) {
                return PersonalDataVault.this.openPerson(learnerNumber, sealed);
            }

            @Override
            public Optional<ContactDetails> openContact(String learnerNumber, Sealed sealed) {
                return PersonalDataVault.this.openContact(learnerNumber, sealed);
            }
        };
    }

    /** Opens sealed personal data with keys looked up beforehand: empty where a key was erased. */
    interface Opener {

        /** The person sealed for this learner, or empty once the learner's key is erased. */
        Optional<PersonalData> openPerson(String learnerNumber, Sealed sealed);

        /** The contact details sealed for this learner, or empty once the learner's key is erased. */
        Optional<ContactDetails> openContact(String learnerNumber, Sealed sealed);
    }
}
