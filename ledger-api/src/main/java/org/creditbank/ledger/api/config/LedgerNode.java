package org.creditbank.ledger.api.config;

/** This node of the ledger, as its claims (tokens, rebuilds) name it: unique among the nodes of one database. */
public record LedgerNode(String id) {
}
