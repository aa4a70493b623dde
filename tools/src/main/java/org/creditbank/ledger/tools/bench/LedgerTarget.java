package org.creditbank.ledger.tools.bench;

import org.creditbank.ledger.tools.LedgerHttp;
import picocli.CommandLine.Option;

/** The options that name a running ledger and the officer a benchmark acts as (by their access token). */
public class LedgerTarget {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "the ledger (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--token", defaultValue = "${env:LEDGER_TOKEN}", required = true,
            description = "the bearer token of an officer of an active branch (default: $LEDGER_TOKEN; see"
                    + " 'ledger token')")
    String token;

    @Option(names = "--branch", description = "the branch the officer acts for, if they serve several")
    String branch;

    LedgerHttp ledger() {
        return ledger(url);
    }

    /** The same ledger, reached as another officer of the same branch (by their access token). */
    LedgerHttp as(String otherToken) {
        return new LedgerHttp(url, otherToken, branch);
    }

    /**
     * The same ledger, reached by another principal acting for the branch named ({@code null}: the only branch they
     * serve).
     */
    LedgerHttp as(String otherToken, String otherBranch) {
        return new LedgerHttp(url, otherToken, otherBranch);
    }

    /** Another node of the same ledger, reached as the same officer. */
    LedgerHttp ledger(String nodeUrl) {
        return new LedgerHttp(nodeUrl, token, branch);
    }
}
