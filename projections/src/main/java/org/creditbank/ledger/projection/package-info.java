/**
 * Read models built from the ledger's events. Each processing group is named for what it builds; every table here
 * can be dropped and rebuilt from the event store. Projections depend on events, never on aggregates.
 */
package org.creditbank.ledger.projection;
