package org.creditbank.ledger.conversion;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** The events of a mutual-recognition agreement: a stream per agreement. */
public sealed interface AgreementEvent {

    /** The agreement. */
    String agreementId();

    /** When the act was recorded. */
    Instant at();

    /** Two parties agreed which of their recognition rules each applies to learning from the other. */
    @Revision("1")
    record AgreementConcluded(String agreementId, AgreementTerms terms, String concludedBy, String branchCode,
                              Instant at) implements AgreementEvent {
    }

    /** The agreement ends: not in force on or after {@code withdrawnFrom}. */
    @Revision("1")
    record AgreementWithdrawn(String agreementId, LocalDate withdrawnFrom, String reason, String withdrawnBy,
                              String branchCode, Instant at) implements AgreementEvent {
    }
}
