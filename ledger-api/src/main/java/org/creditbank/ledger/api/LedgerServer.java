package org.creditbank.ledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The ledger server: with no configuration on an embedded database in ./ledger-data, else on PostgreSQL. */
@SpringBootApplication
@EnableScheduling
public class LedgerServer {

    static {
        // Axon's update checker would call out to the vendor; the ledger never does.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(LedgerServer.class, args);
    }
}
