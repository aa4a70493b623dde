package org.creditbank.ledger.api.web;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.creditbank.ledger.api.identity.LedgerPrincipal;
import org.creditbank.ledger.api.identity.Principals;
import org.creditbank.ledger.readmodel.CommitGate;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.learner.ActTime;
import org.creditbank.ledger.learner.LearnerAccount;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends a command on behalf of the signed-in principal, carrying who acts — subject, role, officer and branch —
 * and the request's correlation id into every event it causes (and so into the event's log leaf). Every command of
 * the ledger is sent here, through the {@link CommitGate} a read model's switch closes.
 */
@Component
public class LedgerCommands {

    private final CommandGateway gateway;
    private final Principals principals;
    private final CommitGate gate;

    public LedgerCommands(CommandGateway gateway, Principals principals, CommitGate gate) {
        this.gateway = gateway;
        this.principals = principals;
        this.gate = gate;
    }

    /** Sends the command of an acting officer and waits for its result; a refusal is the rule's own exception. */
    public <R> R send(Object command, ActingOfficer actor) {
        LedgerPrincipal principal = principals.current();
        return send(command, principal, roleOf(principal, actor), actor.officerId(), actor.branchCode());
    }

    /** Sends, within a {@link CommandBatches} round, a command of the signed-in officer (a roster's row). */
    public <R> R sendInBatch(Object command, ActingOfficer actor) {
        LedgerPrincipal principal = principals.current();
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(
                metaData(principal, roleOf(principal, actor), actor.officerId(), actor.branchCode()))));
    }

    private static String roleOf(LedgerPrincipal principal, ActingOfficer actor) {
        return actor.isInstallation() ? "OPERATOR"
                : principal.appointmentAt(actor.branchCode()).filter(a -> a.system()).isPresent() ? "SYSTEM"
                : "OFFICER";
    }

    /** Sends a command the signed-in learner performs on their own account. */
    public <R> R sendAsLearner(Object command) {
        return send(command, principals.current(), "LEARNER", LearnerAccount.LEARNER_SELF, null);
    }

    /**
     * Sends, within a {@link CommandBatches} round, a command of history an import brings in: acted by the legacy
     * system's officer ({@code actedBy}) at the instant the legacy system recorded ({@code recordedAt}: the act's
     * time, {@link ActTime}; null for now), brought in by the signed-in principal (role {@code IMPORT}).
     */
    public <R> R sendImported(Object command, ActingOfficer actedBy, Instant recordedAt) {
        Map<String, String> metaData = metaData(principals.current(), IMPORT, actedBy.officerId(),
                actedBy.branchCode());
        if (recordedAt != null) {
            metaData.put(ActTime.RECORDED_AT, recordedAt.toString());
        }
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(metaData)));
    }

    /** What the principal acted as when history was brought in by an import. */
    public static final String IMPORT = "IMPORT";

    private <R> R send(Object command, LedgerPrincipal principal, String role, String officerId, String branch) {
        Map<String, String> metaData = metaData(principal, role, officerId, branch);
        return gate.admit(() -> gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(metaData))));
    }

    private static Map<String, String> metaData(LedgerPrincipal principal, String role, String officerId,
                                                String branch) {
        Map<String, String> metaData = new HashMap<>();
        metaData.put(CommandMetadata.OFFICER, officerId);
        if (branch != null) {
            metaData.put(CommandMetadata.BRANCH, branch);
        }
        metaData.put(CommandMetadata.CORRELATION_ID, CorrelationIdFilter.current());
        metaData.put(CommandMetadata.SUBJECT, principal.subject());
        metaData.put(CommandMetadata.ROLE, role);
        return metaData;
    }
}
