package org.creditbank.ledger.learner;

import java.util.List;
import java.util.Optional;

/**
 * Which account holds an identity, found by the keyed hash of the identity (never by the identity in clear).
 * Updated in the same transaction as the account events.
 */
public interface IdentityRegister {

    /** The learner number of the account (open, closed or surviving a merge) holding this identity hash. */
    Optional<String> accountFor(String identityHash);

    /** The account holding the first of these identity hashes that one holds (in their order). */
    default Optional<String> accountForAny(List<String> identityHashes) {
        return identityHashes.stream().map(this::accountFor).flatMap(Optional::stream).findFirst();
    }

    /** The learner number of the account this identity-provider subject signs in as, if it is bound. */
    Optional<String> accountSignedInBy(String subject);
}
