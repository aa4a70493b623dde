/**
 * The read-model engine: slots, the live processors, rebuilds and switches, bulk replay and deferred indexes, the
 * commit gate and the replay check. It knows each read model by its declaration ({@link
 * org.creditbank.ledger.readmodel.ReadModel}) and never depends on a particular projection.
 */
package org.creditbank.ledger.readmodel;
