package org.creditbank.ledger.projection;

import org.creditbank.ledger.learner.ContactDetails;
import org.creditbank.ledger.learner.PersonalData;
import org.creditbank.ledger.learner.PersonalDataVault;
import org.creditbank.ledger.learner.Sealed;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the vault in projections' specifications: it keeps what it sealed in memory (encrypting nothing; the
 * real vault is specified on its own) and forgets a learner's data once the learner's key is erased.
 */
public final class MemoryVault implements PersonalDataVault {

    private final Map<String, Object> sealed = new ConcurrentHashMap<>();
    private final Set<String> erased = new HashSet<>();

    @Override
    public Sealed sealPerson(String learnerNumber, PersonalData person) {
        return seal(learnerNumber, person);
    }

    @Override
    public Sealed sealContact(String learnerNumber, ContactDetails contact) {
        return seal(learnerNumber, contact);
    }

    @Override
    public Optional<PersonalData> openPerson(String learnerNumber, Sealed data) {
        return open(learnerNumber, data, PersonalData.class);
    }

    @Override
    public Optional<ContactDetails> openContact(String learnerNumber, Sealed data) {
        return open(learnerNumber, data, ContactDetails.class);
    }

    /** Erases a learner's key: nothing sealed for the learner opens from now on. */
    public void erase(String learnerNumber) {
        erased.add(learnerNumber);
    }

    private Sealed seal(String learnerNumber, Object data) {
        String id = learnerNumber + "/" + sealed.size();
        sealed.put(id, data);
        return new Sealed(learnerNumber, "MEMORY", "-", id);
    }

    private <T> Optional<T> open(String learnerNumber, Sealed data, Class<T> type) {
        return erased.contains(learnerNumber) ? Optional.empty() : Optional.of(type.cast(sealed.get(data.ciphertext())));
    }
}
