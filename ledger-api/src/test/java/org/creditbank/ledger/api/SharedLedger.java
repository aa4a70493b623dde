package org.creditbank.ledger.api;

/**
 * One ledger on PostgreSQL with the standard test network, shared by the test classes that need no ledger of their
 * own; each of them works with learners of its own. Stopped, and its schema dropped, when the test JVM exits.
 */
final class SharedLedger {

    private static RunningLedger ledger;

    private SharedLedger() {
    }

    static synchronized RunningLedger get() {
        if (ledger == null) {
            ledger = RunningLedger.onPostgres();
            Scenario.installNetwork(ledger.http());
            Runtime.getRuntime().addShutdownHook(new Thread(ledger::close, "shared-ledger-shutdown"));
        }
        return ledger;
    }
}
