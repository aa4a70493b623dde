package org.creditbank.ledger.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ledger bench --small} end to end, as a process: it starts the identity provider and a ledger on a fresh
 * PostgreSQL database of its own, runs every benchmark beside its reference at tiny sizes, prints each section with
 * the machine described, and drops its database. Figures at these sizes mean nothing and are not checked.
 */
class BenchTest {

    @Test
    void every_benchmark_runs_beside_its_reference_and_the_run_cleans_up_after_itself() {
        long databases = RunningLedger.postgresAdmin().queryForObject(
                "SELECT COUNT(*) FROM pg_database WHERE datname LIKE 'ledger_bench_%'", Long.class);
        LedgerCliProcess.Run run = LedgerCliProcess.ledger(Duration.ofMinutes(8), "bench", "--small",
                "--server-class-path", System.getProperty("java.class.path"),
                "--db-url", RunningLedger.POSTGRES_URL, "--db-user", RunningLedger.POSTGRES_USER);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Machine: ", " cores", "PostgreSQL ",
                "## (a) import of a generated province", "reference: COPY of the same event rows into a plain table",
                "## a roster of 50 rows", "roster: one request, every row validated and recorded",
                "## (b) single recordings, 8 clients", "reference: Axon's stock command gateway",
                "## (c) full rebuild beside Axon's replays, (d) archive reads", "full rebuild of all read models",
                "archive of 200 achievements at 20 requests/s",
                "## (e) inclusion proofs from PostgreSQL", "## (e) a learner's verified archive",
                "verify the archive offline");
        assertThat(RunningLedger.postgresAdmin().queryForObject(
                "SELECT COUNT(*) FROM pg_database WHERE datname LIKE 'ledger_bench_%'", Long.class))
                .isEqualTo(databases);
    }
}
