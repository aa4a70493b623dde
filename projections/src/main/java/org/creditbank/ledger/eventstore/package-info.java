/** How events are stored in Axon's JDBC event store: the schema's names, the payload serializer, the timestamps. */
package org.creditbank.ledger.eventstore;
