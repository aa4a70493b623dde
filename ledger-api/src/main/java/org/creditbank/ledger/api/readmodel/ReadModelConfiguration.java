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
import org.creditbank.ledger.projection.actlog.ActLogReadModel;
import org.creditbank.ledger.projection.archive.ArchiveReadModel;
import org.creditbank.ledger.readmodel.ReadModelSlots;
import org.creditbank.ledger.readmodel.StoredEvents;
import org.creditbank.ledger.readmodel.DaemonThreads;
import org.creditbank.ledger.projection.statistics.StatisticsReadModel;
import org.creditbank.ledger.projection.register.BranchRegisterReadModel;
import org.creditbank.ledger.projection.catalogue.CatalogueQueries;
import org.creditbank.ledger.projection.catalogue.CatalogueReadModel;
import org.creditbank.ledger.projection.conversion.ConversionQueries;
import org.creditbank.ledger.projection.conversion.ConversionReadModel;
import org.creditbank.ledger.projection.conversion.ConversionStatisticsQueries;
import org.creditbank.ledger.projection.conversion.ConversionStatisticsReadModel;
import org.creditbank.ledger.projection.conversion.QualificationQueries;
import org.creditbank.ledger.projection.points.PointsReadModel;
import org.creditbank.ledger.projection.register.CertificateRegisterReadModel;
import org.creditbank.ledger.projection.register.IdentityRegisterReadModel;
import org.springframework.beans.factory.ObjectProvider;
import org.creditbank.ledger.projection.statistics.StatisticsQueries;
import org.axonframework.config.ConfigurerModule;
import org.creditbank.ledger.readmodel.SlotSchemas;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The rebuildable read models: each declared once, beside its projection (projections module); the engine that makes
 * their slots, feeds them, rebuilds and switches them; and the gate their switches close.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

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
    public ReadModel archiveReadModel(JdbcTemplate jdbc, PersonalDataVault vault) {
        return ArchiveReadModel.declaration(jdbc, vault);
    }

    @Bean
    public ReadModel actLogReadModel(JdbcTemplate jdbc) {
        return ActLogReadModel.declaration(jdbc);
    }

    /** The statistics: a branch's nodes as the branch register's live slot says (asked once the slots exist). */
    @Bean
    public ReadModel statisticsReadModel(JdbcTemplate jdbc, ZoneId ledgerZone, Dialect dialect,
                                         ObjectProvider<ReadModelSlots> slots) {
        return StatisticsReadModel.declaration(jdbc, ledgerZone, dialect, BranchRegisterReadModel.NAME,
                () -> slots.getObject().live(BranchRegisterReadModel.NAME));
    }

    @Bean
    public ReadModel branchRegisterReadModel(JdbcTemplate jdbc) {
        return BranchRegisterReadModel.declaration(jdbc);
    }

    @Bean
    public ReadModel identityRegisterReadModel(JdbcTemplate jdbc) {
        return IdentityRegisterReadModel.declaration(jdbc);
    }

    @Bean
    public ReadModel certificateRegisterReadModel(JdbcTemplate jdbc) {
        return CertificateRegisterReadModel.declaration(jdbc);
    }

    @Bean
    public ReadModel catalogueReadModel(JdbcTemplate jdbc) {
        return CatalogueReadModel.declaration(jdbc);
    }

    @Bean
    public ReadModel pointsReadModel(JdbcTemplate jdbc) {
        return PointsReadModel.declaration(jdbc);
    }

    @Bean
    public ReadModel conversionReadModel(JdbcTemplate jdbc) {
        return ConversionReadModel.declaration(jdbc);
    }

    @Bean
    public ReadModel conversionStatisticsReadModel(JdbcTemplate jdbc, ZoneId ledgerZone, Dialect dialect) {
        return ConversionStatisticsReadModel.declaration(jdbc, ledgerZone, dialect);
    }

    @Bean
    public ConversionStatisticsQueries conversionStatisticsQueries(JdbcTemplate jdbc, ReadModelSlots slots) {
        return new ConversionStatisticsQueries(jdbc, slots.liveSlot(ConversionStatisticsReadModel.NAME),
                slots.liveSlot(BranchRegisterReadModel.NAME));
    }

    @Bean
    public CatalogueQueries catalogueQueries(JdbcTemplate jdbc, ReadModelSlots slots) {
        return new CatalogueQueries(jdbc, slots.liveSlot(CatalogueReadModel.NAME));
    }

    @Bean
    public ConversionQueries conversionQueries(JdbcTemplate jdbc, ReadModelSlots slots) {
        return new ConversionQueries(jdbc, slots.liveSlot(ConversionReadModel.NAME));
    }

    @Bean
    public QualificationQueries qualificationQueries(JdbcTemplate jdbc, ReadModelSlots slots) {
        return new QualificationQueries(jdbc, slots.liveSlot(ConversionReadModel.NAME),
                slots.liveSlot(ArchiveReadModel.NAME), slots.liveSlot(BranchRegisterReadModel.NAME));
    }

    @Bean
    public SlotSchemas slotSchemas(JdbcTemplate jdbc, Dialect dialect, TransactionTemplate transactions, Clock clock) {
        return new SlotSchemas(jdbc, dialect, transactions, clock);
    }

    /** The live slots, once every declared read model's slots are made (before anything asks which is live). */
    @Bean
    public ReadModelSlots readModelSlots(JdbcTemplate jdbc, Dialect dialect, SlotSchemas schemas,
                                         List<ReadModel> declarations) {
        ReadModelSlots slots = new ReadModelSlots(jdbc, dialect == Dialect.POSTGRESQL);
        schemas.prepare(declarations, slots);
        return slots;
    }

    /**
     * The read models fed in the command's transaction, each its own subscribing processor named as the read model,
     * writing the slot live at each event.
     */
    @Bean
    public ConfigurerModule inCommandTransactionReadModels(List<ReadModel> declarations, ReadModelSlots slots) {
        return configurer -> declarations.stream().filter(model -> !model.streaming()).forEach(model -> {
            Object projection = model.projection(slots.liveSlot(model.name()));
            configurer.eventProcessing()
                    .registerEventHandler(c -> projection)
                    .assignHandlerInstancesMatching(model.name(), handler -> handler == projection);
        });
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
        return new StatisticsQueries(jdbc, slots.liveSlot(StatisticsReadModel.NAME),
                slots.liveSlot(BranchRegisterReadModel.NAME), ledgerZone);
    }

    @Bean
    public AsOfArchive asOfArchive(EventStorageEngine events, JdbcTemplate jdbc, PersonalDataVault vault,
                                   PlatformTransactionManager transactions, ReadModelSlots slots) {
        return new AsOfArchive(events, jdbc, vault, transactions, slots.liveSlot(BranchRegisterReadModel.NAME));
    }

    @Bean
    public ReplayCheck replayCheck(ReadModels readModels, ReadModelSlots slots, EventStorageEngine events,
                                   @Qualifier("serializer") Serializer tokenSerializer, JdbcTemplate jdbc,
                                   PlatformTransactionManager transactions, Clock clock) {
        return new ReplayCheck(readModels, slots, events, tokenSerializer, jdbc, transactions, clock);
    }

    @Bean
    public ReadModels readModels(List<ReadModel> declarations, ReadModelSlots slots, SlotSchemas schemas,
                                 EventStore events, EventStorageEngine storage, TokenStore tokens,
                                 TransactionManager axonTransactions, TransactionTemplate transactions,
                                 JdbcTemplate jdbc, CommitGate gate, Clock clock, LedgerProperties properties,
                                 Dialect dialect, @Qualifier("eventSerializer") Serializer eventSerializer,
                                 org.axonframework.config.Configuration axon, LedgerNode node) {
        return new ReadModels(declarations, slots, events, storage, tokens, axonTransactions, transactions, jdbc, gate,
                clock, properties.projectionBatchSize(), dialect,
                new StoredEvents(jdbc, transactions, eventSerializer, axon.upcasterChain(),
                        DaemonThreads.named("read-model-scan")), node.id(), schemas);
    }
}
