package org.creditbank.ledger.api.identity;

import org.creditbank.ledger.projection.register.JdbcBranchDirectory.Appointment;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is signed in, as the ledger knows them: the token's subject and ledger-wide roles, and what the ledger's own
 * events bind to that subject — an officer id with its appointments, and/or a learner account.
 *
 * @param subject      the token's {@code sub}
 * @param roles        ledger-wide roles the token grants ({@code auditor}, {@code operator})
 * @param scopes       the token's scopes (they bind system clients)
 * @param officerId    the officer this subject signs in as, or null
 * @param appointments that officer's appointments (empty when none)
 * @param learnerNumber the account this subject signs in as, or null
 */
public record LedgerPrincipal(String subject, Set<String> roles, Set<String> scopes, String officerId,
                              List<Appointment> appointments, String learnerNumber) {

    public LedgerPrincipal {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
        appointments = List.copyOf(appointments);
    }

    public boolean isAuditor() {
        return roles.contains(Principals.AUDITOR);
    }

    public boolean isOperator() {
        return roles.contains(Principals.OPERATOR);
    }

    /** Whether the subject signs in as an officer (or system client) appointed somewhere. */
    public boolean isOfficer() {
        return officerId != null && !appointments.isEmpty();
    }

    /** The appointment at this branch, if the officer holds one. */
    public Optional<Appointment> appointmentAt(String branchCode) {
        return appointments.stream().filter(a -> a.branchCode().equals(branchCode)).findFirst();
    }

    /** Whether a system client's token grants this scope (people's tokens are not bound by scopes). */
    public boolean mayUse(Appointment appointment, String scope) {
        return !appointment.system() || scopes.contains(scope);
    }
}
