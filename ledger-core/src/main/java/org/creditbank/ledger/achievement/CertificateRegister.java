package org.creditbank.ledger.achievement;

import java.time.Instant;
import java.util.Optional;

/**
 * Which learner holds each certificate serial. The register is updated in the same transaction as the recording
 * events; refused claims are kept apart for review, surviving the refusal.
 */
public interface CertificateRegister {

    /** The learner number holding the certificate with this key ({@link CertificateSerial#key}), if any. */
    Optional<String> holderOf(String certificateKey);

    /** Keeps a refused claim for review, even though the act that made it changes nothing in the ledger. */
    void flagRefusedClaim(RefusedClaim claim);

    /** A claim on a certificate already held by another learner. */
    record RefusedClaim(String certificateSerial, String claimedFor, String heldBy, String officerId,
                        String branchCode, String externalIssuer, String externalId, Instant at) {
    }
}
