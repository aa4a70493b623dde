package org.creditbank.ledger.api.readmodel;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.creditbank.ledger.api.config.LedgerProperties;
import org.creditbank.ledger.projection.Dialect;
import org.creditbank.ledger.projection.ReadModelSlots;
import org.creditbank.ledger.projection.statistics.StatisticsProjection;
import org.creditbank.ledger.projection.statistics.StatisticsQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/** The rebuildable read models, their slots, their processors and the gate their switches close. */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    /** The statistics read model's name. */
    public static final String STATISTICS = "statistics";

    @Bean
    public Dialect dialect(DataSource dataSource) {
        return Dialect.of(dataSource);
    }

    @Bean
    public ZoneId ledgerZone(LedgerProperties properties) {
        return properties.zone();
    }

    @Bean
    public ReadModelSlots readModelSlots(JdbcTemplate jdbc) {
        return new ReadModelSlots(jdbc);
    }

    @Bean
    public CommitGate commitGate(CommandBus commandBus) {
        CommitGate gate = new CommitGate();
        commandBus.registerHandlerInterceptor(gate);
        return gate;
    }

    @Bean
    public StatisticsQueries statisticsQueries(JdbcTemplate jdbc, ReadModelSlots slots, ZoneId ledgerZone) {
        return new StatisticsQueries(jdbc, slots.liveSlot(STATISTICS), ledgerZone);
    }

    @Bean
    public ReadModels readModels(ReadModelSlots slots, EventStore events, TokenStore tokens,
                                 TransactionManager axonTransactions, TransactionTemplate transactions,
                                 JdbcTemplate jdbc, CommitGate gate, Clock clock, LedgerProperties properties,
                                 Dialect dialect, ZoneId ledgerZone) {
        List<ReadModel> models = List.of(
                new ReadModel(STATISTICS, List.of("stat_active", "stat_month", "stat_fact", "stat_achievement"),
                        slot -> new StatisticsProjection(jdbc, slot, ledgerZone), true, 1));
        return new ReadModels(models, slots, events, tokens, axonTransactions, transactions, jdbc, gate, clock,
                properties.projectionBatchSize(), dialect);
    }
}
