package org.creditbank.ledger.learner;

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
}
