package org.creditbank.ledger.tools.bench;

import org.creditbank.ledger.tools.LedgerHttp;
import picocli.CommandLine.Option;

/**
 * The certifier a benchmark certifies its recordings as: an officer of the same branch other than the recorder, who
 * never certifies what they recorded (four eyes).
 */
public class CertifierToken {

    @Option(names = "--certifier-token", defaultValue = "${env:LEDGER_CERTIFIER_TOKEN}", required = true,
            description = "the bearer token of a certifier of the officer's branch: the recorder never certifies what"
                    + " they recorded (default: $LEDGER_CERTIFIER_TOKEN)")
    String token;

    /** The target ledger, reached as the certifier. */
    LedgerHttp certifier(LedgerTarget target) {
        return target.as(token);
    }
}
