package org.creditbank.ledger.tools;

import picocli.CommandLine.Option;

/** The options that name a running ledger and the officer a benchmark acts as. */
class LedgerTarget {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "the ledger (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--officer", required = true, description = "an officer of an active branch")
    String officer;

    @Option(names = "--branch", required = true, description = "the branch the officer acts for")
    String branch;

    LedgerHttp ledger() {
        return new LedgerHttp(url, officer, branch);
    }
}
