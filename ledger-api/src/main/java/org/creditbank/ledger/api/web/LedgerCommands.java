package org.creditbank.ledger.api.web;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.creditbank.ledger.branch.ActingOfficer;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Sends a command on behalf of an acting officer, carrying who acts and the request's correlation id. */
@Component
public class LedgerCommands {

    private final CommandGateway gateway;

    public LedgerCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Sends the command and waits for its result; a refusal is thrown as the rule's own exception. */
    public <R> R send(Object command, ActingOfficer actor) {
        MetaData metaData = MetaData.from(Map.of(
                CommandMetadata.OFFICER, actor.officerId(),
                CommandMetadata.BRANCH, actor.branchCode(),
                CommandMetadata.CORRELATION_ID, CorrelationIdFilter.current()));
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
