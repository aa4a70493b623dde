package org.creditbank.ledger.api.log;

import org.creditbank.ledger.api.config.LedgerProperties;
import org.creditbank.ledger.projection.log.JdbcLogStore;
import org.creditbank.ledger.log.NoteKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    public LogSequencer logSequencer(JdbcLogStore store, JdbcTemplate jdbc) {
        return new LogSequencer(store, jdbc);
    }

    @Bean
    public CheckpointSigner checkpointSigner(JdbcLogStore store, LogProperties log, LedgerProperties ledger,
                                             PlatformTransactionManager transactions, Clock clock) {
        return new CheckpointSigner(store, signingKey(log, ledger), log.origin(),
                new TransactionTemplate(transactions), log.checkpointInterval(),
                log.signerStateFile() != null ? log.signerStateFile() : ledger.dataDir().resolve("log-signer.state"),
                clock);
    }

    /** Looks for leaves to sign ten times per interval, on a thread of its own; the signer keeps the interval. */
    @Bean(destroyMethod = "shutdown")
    public ThreadPoolTaskScheduler checkpointSchedule(CheckpointSigner signer, LogProperties log) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("log-checkpoint-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(signer::tick, log.checkpointInterval().dividedBy(10));
        return scheduler;
    }

    private static NoteKeys.Signer signingKey(LogProperties log, LedgerProperties ledger) {
        if (log.signingKey() != null) {
            return NoteKeys.Signer.parse(log.signingKey());
        }
        Path file = log.signingKeyFile() != null ? log.signingKeyFile()
                : ledger.dataDir().resolve("log-signing.key");
        try {
            if (Files.exists(file)) {
                return NoteKeys.Signer.parse(Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            if (log.signingKeyFile() != null) {
                throw new IllegalStateException("the log signing key file " + file + " does not exist");
            }
            NoteKeys.Signer generated = NoteKeys.Signer.generate(log.origin());
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, generated.encoded() + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW);
            LOG.warn("Generated a new log signing key in {}; its verifier key is {}. Production configures"
                    + " LEDGER_LOG_SIGNING_KEY_FILE (see docs/configuration.md).", file, generated.verifier());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the log signing key file " + file, e);
        }
    }
}
