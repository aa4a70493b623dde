package org.creditbank.ledger.api.log;

import org.creditbank.ledger.api.config.LedgerConfiguration;
import org.creditbank.ledger.api.config.LedgerProperties;
import org.creditbank.ledger.api.config.SecretKeys;
import org.creditbank.ledger.projection.log.JdbcLogStore;
import org.creditbank.ledger.log.NoteKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** The verifiable log's wiring: store, sequencer, signer and its schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LogProperties.class)
public class LogConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(LogConfiguration.class);

    @Bean
    public JdbcLogStore logStore(JdbcTemplate jdbc) {
        return new JdbcLogStore(jdbc);
    }

    @Bean
    public LogSequencer logSequencer(JdbcLogStore store, JdbcTemplate jdbc, CheckpointSigner signer) {
        return new LogSequencer(store, jdbc, signer::appended);
    }

    @Bean
    public CheckpointSigner checkpointSigner(JdbcLogStore store, LogProperties log, LedgerProperties ledger,
                                             LedgerConfiguration.EmbeddedDefault database,
                                             PlatformTransactionManager transactions, Clock clock) {
        return new CheckpointSigner(store, signingKey(log, ledger, database.embedded()), log.origin(),
                new TransactionTemplate(transactions), log.checkpointInterval(),
                log.signerStateFile() != null ? log.signerStateFile() : ledger.dataDir().resolve("log-signer.state"),
                clock);
    }

    /**
     * Ticks forty times per interval: a checkpoint follows the sequencer's batch within a fortieth of an interval once
     * the interval allows one. The signer keeps the interval, and looks at the log only when it may sign.
     */
    @Bean
    public CheckpointSchedule checkpointSchedule(CheckpointSigner signer, LogProperties log) {
        return new CheckpointSchedule(signer, log.checkpointInterval().dividedBy(40));
    }

    private static NoteKeys.Signer signingKey(LogProperties log, LedgerProperties ledger, boolean embedded) {
        SecretKeys.Secret<NoteKeys.Signer> secret = new SecretKeys.Secret<>("log signing key",
                "LEDGER_LOG_SIGNING_KEY", () -> NoteKeys.Signer.generate(log.origin()).encoded(),
                NoteKeys.Signer::parse);
        NoteKeys.Signer signer = SecretKeys.load(secret, log.signingKey(), log.signingKeyFile(),
                ledger.dataDir().resolve("log-signing.key"), embedded);
        LOG.info("The log signs checkpoints as {}", signer.verifier());
        return signer;
    }
}
