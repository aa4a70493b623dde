/**
 * The read models, one package per concept: {@code archive} (accounts, achievements and the acts on them),
 * {@code actlog} (who did what), {@code statistics}, {@code register} (the registers behind the rules, updated in the
 * command's transaction) and {@code log} (the verifiable log's store). Each is built from events alone, never from an
 * aggregate, and each rebuildable one is declared to the engine ({@code org.creditbank.ledger.readmodel}).
 */
package org.creditbank.ledger.projection;
