package org.creditbank.ledger.tools.bench;

import picocli.CommandLine.Option;

/** The options that name a running ledger's own database (PostgreSQL), which a benchmark reads or writes. */
public class LedgerDatabase {

    @Option(names = "--db-url", required = true, description = "JDBC URL of the ledger's database (PostgreSQL)")
    String url;

    @Option(names = "--db-user", defaultValue = "postgres", description = "database user (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--db-password", defaultValue = "${env:LEDGER_DB_PASSWORD}", description = "database password")
    String password;

    /** The password, empty when none is given. */
    String password() {
        return password == null ? "" : password;
    }
}
