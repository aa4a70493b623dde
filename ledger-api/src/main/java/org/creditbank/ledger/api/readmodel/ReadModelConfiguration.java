package org.creditbank.ledger.api.readmodel;

import org.creditbank.ledger.projection.archive.AsOfArchive;
import org.creditbank.ledger.readmodel.CommitGate;
import org.creditbank.ledger.readmodel.ReadModel;
import org.creditbank.ledger.readmodel.ReadModels;
import org.creditbank.ledger.readmodel.ReplayCheck;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.creditbank.ledger.api.config.LedgerNode;
import org.creditbank.ledger.api.config.LedgerProperties;
import org.creditbank.ledger.learner.PersonalDataVault;
import org.creditbank.ledger.readmodel.Dialect;
import org.creditbank.ledger.projection.actlog.ActLogProjection;
import org.creditbank.ledger.projection.archive.ArchiveProjection;
import org.creditbank.ledger.readmodel.ReadModelSlots;
import org.creditbank.ledger.readmodel.StoredEvents;
import org.creditbank.ledger.readmodel.DaemonThreads;
import org.creditbank.ledger.projection.statistics.StatisticsProjection;
import org.creditbank.ledger.projection.statistics.StatisticsQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** The rebuildable read models, their slots, their processors and the gate their switches close. */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    /** The statistics read model's name. */
    public static final String STATISTICS = "statistics";
    /** The lifelong archive read model's name (accounts, achievements, their acts). */
    public static final String ARCHIVE = "archive";
    /** The act log's name (who did what). */
    public static final String ACT_LOG = "act-log";

    /**
     * On PostgreSQL the driver sends a batch of INSERTs as multi-row statements: what makes a rebuild's batched writes
     * (and the log's) fast. Set before the pool makes its first connection.
     */
    @Bean
    public static BeanPostProcessor batchedInsertsOnPostgres() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                        && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
                }
                return bean;
            }
        };
    }

    @Bean
    public ZoneId ledgerZone(LedgerProperties properties) {
        return properties.zone();
    }

    @Bean
    public ReadModelSlots readModelSlots(JdbcTemplate jdbc, Dialect dialect) {
        return new ReadModelSlots(jdbc, dialect == Dialect.POSTGRESQL);
    }

    @Bean
    public ReadModelViewFilter readModelViewFilter(ReadModelSlots slots) {
        return new ReadModelViewFilter(slots);
    }

    @Bean
    public CommitGate commitGate(CommandBus commandBus, ReadModelSlots slots, TransactionTemplate transactions) {
        CommitGate gate = new CommitGate(slots, transactions);
        commandBus.registerHandlerInterceptor(gate);
        return gate;
    }

    @Bean
    public StatisticsQueries statisticsQueries(JdbcTemplate jdbc, ReadModelSlots slots, ZoneId ledgerZone) {
        return new StatisticsQueries(jdbc, slots.liveSlot(STATISTICS), ledgerZone);
    }

    @Bean
    public AsOfArchive asOfArchive(EventStorageEngine events, JdbcTemplate jdbc, PersonalDataVault vault,
                                   PlatformTransactionManager transactions) {
        return new AsOfArchive(events, jdbc, vault, transactions);
    }

    @Bean
    public ReplayCheck replayCheck(ReadModels readModels, ReadModelSlots slots, EventStorageEngine events,
                                   @Qualifier("serializer") Serializer tokenSerializer, JdbcTemplate jdbc,
                                   PlatformTransactionManager transactions, Clock clock) {
        return new ReplayCheck(readModels, slots, events, tokenSerializer, jdbc, transactions, clock);
    }

    @Bean
    public ReadModels readModels(ReadModelSlots slots, EventStore events, EventStorageEngine storage,
                                 TokenStore tokens,
                                 TransactionManager axonTransactions, TransactionTemplate transactions,
                                 JdbcTemplate jdbc, CommitGate gate, Clock clock, LedgerProperties properties,
                                 Dialect dialect, ZoneId ledgerZone, PersonalDataVault vault,
                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                 org.axonframework.config.Configuration axon, LedgerNode node) {
        List<ReadModel> models = List.of(
                new ReadModel(ARCHIVE, List.of("achievement_act", "achievement", "learner_account"),
                        slot -> new ArchiveProjection(jdbc, vault, () -> slot), null, false, 1,
                        Set.of("achievement_act"),
                        // A merge moves a learner's achievements: by learner.
                        Set.of("achievement_learner_ix")),
                // Each act is one row keyed by its event: order does not matter, so one segment per core.
                new ReadModel(ACT_LOG, List.of("ledger_act"), slot -> new ActLogProjection(jdbc, () -> slot), null,
                        false, Runtime.getRuntime().availableProcessors(), Set.of("ledger_act"), Set.of()),
                new ReadModel(STATISTICS, List.of("stat_reach_valid", "stat_reach_day", "stat_reach_count",
                        "stat_valid", "stat_day", "stat_active", "stat_month", "stat_fact", "stat_achievement"),
                        slot -> new StatisticsProjection(jdbc, slot, ledgerZone, dialect),
                        slot -> StatisticsProjection.bulk(jdbc, slot, ledgerZone, dialect), true, 1,
                        // Over the whole store, only the facts are written as events come; the rest is derived.
                        Set.of("stat_fact", "stat_reach_valid", "stat_reach_day", "stat_reach_count", "stat_valid",
                                "stat_day", "stat_active", "stat_month"),
                        Set.of("stat_achievement_learner_ix")));
        return new ReadModels(models, slots, events, storage, tokens, axonTransactions, transactions, jdbc, gate, clock,
                properties.projectionBatchSize(), dialect,
                new StoredEvents(jdbc, transactions, eventSerializer, axon.upcasterChain(),
                        DaemonThreads.named("read-model-scan")), node.id());
    }
}
