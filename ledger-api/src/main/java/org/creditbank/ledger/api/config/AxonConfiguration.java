package org.creditbank.ledger.api.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.creditbank.ledger.api.log.LogProperties;
import org.creditbank.ledger.api.log.LogSequencer;
import org.creditbank.ledger.api.web.CommandMetadata;
import org.creditbank.ledger.branch.Branch;
import org.creditbank.ledger.conversion.HoursRule;
import org.creditbank.ledger.group.LearningGroup;
import org.creditbank.ledger.group.PointsRule;
import org.creditbank.ledger.conversion.Programme;
import org.creditbank.ledger.conversion.Qualification;
import org.creditbank.ledger.conversion.RecognitionAgreement;
import org.creditbank.ledger.conversion.RecognitionRule;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.learner.AccountMerging;
import org.creditbank.ledger.learner.AccountOpening;
import org.creditbank.ledger.learner.IdentityHasher;
import org.creditbank.ledger.learner.IdentityRegister;
import org.creditbank.ledger.learner.LearnerAccount;
import org.creditbank.ledger.learner.LearnerNumberIssuer;
import org.creditbank.ledger.learner.PersonalDataVault;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.creditbank.ledger.eventstore.EventSerializer;
import org.creditbank.ledger.readmodel.DaemonThreads;
import org.creditbank.ledger.eventstore.EventStoreFormat;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.time.Clock;
import java.time.Duration;
import java.lang.management.ManagementFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * How Axon runs the ledger: its JDBC event store in our snake_case schema, Jackson for every payload, aggregates
 * cached in memory but checked against the store (several nodes may write), a race lost to another writer repeated,
 * and the read models that back the rules updated in the command's own transaction — a failure there rolls the
 * command back.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    public EventSchema eventSchema() {
        return EventStoreFormat.eventSchema();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("token_timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * This node's name in the claims it makes on the tokens of tracking processors (the log sequencer, the statistics)
     * and on rebuilds: {@code LEDGER_NODE_ID}, or Axon's {@code pid@host}. Nodes sharing a database must be named
     * apart.
     */
    @Bean
    public LedgerNode ledgerNode(@Value("${ledger.node-id:}") String id) {
        return new LedgerNode(id == null || id.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : id.strip());
    }

    /** Axon's token store, with this node's name on its claims. */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, @Qualifier("serializer") Serializer serializer,
                                 TokenSchema tokenSchema,
                                 TokenStoreProperties tokenStore, LedgerNode node) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(tokenStore.getClaimTimeout())
                .nodeId(node.id())
                .build();
    }

    /** The mapper for events and other messages (see {@link EventStoreFormat#eventJson()}). */
    @Bean("defaultAxonObjectMapper")
    public ObjectMapper defaultAxonObjectMapper() {
        return EventStoreFormat.eventJson().build();
    }

    /**
     * The serializer of events (Axon's Jackson serializer on {@link EventStoreFormat#eventJson()}, remembering the
     * classes it looked up: see {@link EventSerializer}); in place of the one {@code axon.serializer.events} builds.
     */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(@Qualifier("defaultAxonObjectMapper") ObjectMapper json,
                                      RevisionResolver revisions) {
        return EventSerializer.of(json, revisions);
    }

    /**
     * The event store: Axon's JDBC engine on our schema. Events go through the event serializer; snapshots of
     * aggregate state through a serializer of their own that reads fields, so the domain needs no Jackson
     * annotations. A snapshot is only a cache of replayed state: it can be deleted and is taken again.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager, EventSchema eventSchema) {
        ObjectMapper snapshots = EventStoreFormat.eventJson()
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .build();
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(JacksonSerializer.builder().objectMapper(snapshots).build())
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                // Catching-up processors (a rebuild, the sequencer) read the store in pages this large.
                .batchSize(1000)
                .build();
    }

    /**
     * A duplicate (aggregate, sequence number) is told by the store's own error code (see {@link UniqueViolations}),
     * so a race lost to another node is a conflict to repeat ({@code 409 concurrent-change}), not a failure.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolations();
    }

    /** Repeats, a few times, a command that lost a race for its aggregate (see {@link LostRaceRetry}). */
    @Bean
    public LostRaceRetry lostRaceRetry() {
        return new LostRaceRetry();
    }

    /** The gateway every command goes through: a lost race is repeated before the client sees it. */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, LostRaceRetry lostRaceRetry) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(lostRaceRetry).build();
    }

    /**
     * Snapshots are taken on a thread of their own, once the command that reached the threshold has answered: taking
     * one reads the account's events since the last (a hundred by default, an application with fifty sources among
     * them) and writes its state, which no command should wait for. One thread and a short queue; a snapshot that
     * finds the queue full is skipped, and the account's next threshold takes one.
     */
    @Bean(destroyMethod = "shutdown")
    public ThreadPoolExecutor snapshotExecutor() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(256),
                DaemonThreads.named("snapshotter"), new ThreadPoolExecutor.DiscardPolicy());
    }

    /** The snapshotter of learner accounts, taking snapshots on {@link #snapshotExecutor()}. */
    @Bean
    public SpringAggregateSnapshotterFactoryBean aggregateSnapshotter(ThreadPoolExecutor snapshotExecutor) {
        SpringAggregateSnapshotterFactoryBean snapshotter = new SpringAggregateSnapshotterFactoryBean();
        snapshotter.setExecutor(snapshotExecutor);
        return snapshotter;
    }

    /** Builds learner accounts from events or a snapshot; a bean, so the snapshotter finds it. */
    @Bean
    public GenericAggregateFactory<LearnerAccount> learnerAccountFactory(ParameterResolverFactory parameters,
                                                                       HandlerDefinition handlers) {
        return new GenericAggregateFactory<>(
                AnnotatedAggregateMetaModelFactory.inspectAggregate(LearnerAccount.class, parameters, handlers));
    }

    /** The HTTP layer's mapper, configured by {@code spring.jackson.*}. */
    @Bean
    @Primary
    public ObjectMapper httpObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer exactDecimals() {
        return builder -> builder.featuresToEnable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN,
                DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** Every event's metadata names who acted (subject, role, officer, branch) and the request's correlation id. */
    @Bean
    public CorrelationDataProvider actingOfficerCorrelation() {
        return new SimpleCorrelationDataProvider(CommandMetadata.OFFICER, CommandMetadata.BRANCH,
                CommandMetadata.CORRELATION_ID, CommandMetadata.SUBJECT, CommandMetadata.ROLE);
    }

    @Bean
    public ConfigurerModule ledgerAggregatesAndProcessors(Jurisdiction jurisdiction, IdentityRegister identities,
                                                          IdentityHasher hasher, LearnerNumberIssuer issuer,
                                                          PersonalDataVault vault, Clock clock,
                                                          LedgerProperties properties, LogProperties log,
                                                          TokenStoreProperties tokenStore,
                                                          GenericAggregateFactory<LearnerAccount> accounts) {
        Duration claimTimeout = tokenStore.getClaimTimeout();
        if (claimTimeout != null && claimTimeout.compareTo(log.claimExtension().multipliedBy(2)) < 0) {
            // The owner must renew its claim at least twice per timeout, or a live but idle sequencer loses it.
            throw new IllegalStateException("LEDGER_LOG_CLAIM_EXTENSION (" + log.claimExtension() + ") must be at most"
                    + " half of LEDGER_TOKEN_CLAIM_TIMEOUT (" + claimTimeout + ")");
        }
        return configurer -> {
            // A learner's stream grows all life: cached while in use (checked against the store before each command,
            // as another node may have appended), snapshotted so a cold load stays short.
            AggregateConfigurer<LearnerAccount> learners = AggregateConfigurer.defaultConfiguration(LearnerAccount.class)
                    .configureAggregateFactory(c -> accounts);
            configurer.configureAggregate(learners.configureRepository(c -> StoreCheckedRepository.of(
                    LearnerAccount.class, c, learners.aggregateFactory(),
                    new EventCountSnapshotTriggerDefinition(c.snapshotter(), properties.snapshotThreshold()))));
            AggregateConfigurer<Branch> branches = AggregateConfigurer.defaultConfiguration(Branch.class);
            configurer.configureAggregate(branches.configureRepository(c -> StoreCheckedRepository.of(
                    Branch.class, c, branches.aggregateFactory(), NoSnapshotTriggerDefinition.INSTANCE)));
            // An institution's catalogue: a stream per programme and per recognition rule, each short.
            AggregateConfigurer<Programme> programmes = AggregateConfigurer.defaultConfiguration(Programme.class);
            configurer.configureAggregate(programmes.configureRepository(c -> StoreCheckedRepository.of(
                    Programme.class, c, programmes.aggregateFactory(), NoSnapshotTriggerDefinition.INSTANCE)));
            AggregateConfigurer<Qualification> qualifications = AggregateConfigurer.defaultConfiguration(
                    Qualification.class);
            configurer.configureAggregate(qualifications.configureRepository(c -> StoreCheckedRepository.of(
                    Qualification.class, c, qualifications.aggregateFactory(), NoSnapshotTriggerDefinition.INSTANCE)));
            AggregateConfigurer<RecognitionAgreement> agreements = AggregateConfigurer.defaultConfiguration(
                    RecognitionAgreement.class);
            configurer.configureAggregate(agreements.configureRepository(c -> StoreCheckedRepository.of(
                    RecognitionAgreement.class, c, agreements.aggregateFactory(),
                    NoSnapshotTriggerDefinition.INSTANCE)));
            AggregateConfigurer<LearningGroup> groups = AggregateConfigurer.defaultConfiguration(
                    LearningGroup.class);
            configurer.configureAggregate(groups.configureRepository(c -> StoreCheckedRepository.of(
                    LearningGroup.class, c, groups.aggregateFactory(), NoSnapshotTriggerDefinition.INSTANCE)));
            AggregateConfigurer<PointsRule> pointsRules = AggregateConfigurer.defaultConfiguration(PointsRule.class);
            configurer.configureAggregate(pointsRules.configureRepository(c -> StoreCheckedRepository.of(
                    PointsRule.class, c, pointsRules.aggregateFactory(), NoSnapshotTriggerDefinition.INSTANCE)));
            AggregateConfigurer<HoursRule> hoursRules = AggregateConfigurer.defaultConfiguration(HoursRule.class);
            configurer.configureAggregate(hoursRules.configureRepository(c -> StoreCheckedRepository.of(
                    HoursRule.class, c, hoursRules.aggregateFactory(), NoSnapshotTriggerDefinition.INSTANCE)));
            AggregateConfigurer<RecognitionRule> rules = AggregateConfigurer.defaultConfiguration(
                    RecognitionRule.class);
            configurer.configureAggregate(rules.configureRepository(c -> StoreCheckedRepository.of(
                    RecognitionRule.class, c, rules.aggregateFactory(), NoSnapshotTriggerDefinition.INSTANCE)));
            configurer.registerCommandHandler(c -> new AccountOpening(c.repository(LearnerAccount.class),
                    jurisdiction, identities, hasher, issuer, vault, clock));
            configurer.registerCommandHandler(c -> new AccountMerging(c.repository(LearnerAccount.class),
                    c.repository(LearningGroup.class), jurisdiction, clock));
            // The registers behind the rules must never lag or swallow a failure: they run in the command's
            // transaction, and an error there (a unique key, say) rolls the whole command back.
            configurer.eventProcessing()
                    .usingSubscribingEventProcessors()
                    // The log sequencer streams every committed event, in batches, as one segment: one node
                    // sequences, and its leaves commit with its token. A tracking processor waits on the stream and
                    // wakes as soon as this node appends (the pooled one would poll the embedded store every 500 ms).
                    // Failover: the owner renews its claim with every batch's commit and, idle, every claim
                    // extension; the other nodes try to claim every token claim interval and succeed once the
                    // claim is older than the token store's claim timeout (a dead node: within timeout + interval).
                    .registerTrackingEventProcessor(LogSequencer.GROUP, c -> c.eventStore(),
                            c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                    .andBatchSize(log.batchSize()).andInitialSegmentsCount(1)
                                    .andTokenClaimInterval(log.tokenClaimInterval().toMillis(), TimeUnit.MILLISECONDS)
                                    .andEventAvailabilityTimeout(log.claimExtension().toMillis(),
                                            TimeUnit.MILLISECONDS))
                    .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                    .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance());
        };
    }

    /** The ledger's time: the system's, in UTC (a test may supply its own). */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Axon stamps every event message (the store's time_stamp column) with the ledger's own clock. */
    @Bean
    public InitializingBean eventMessageClock(Clock clock) {
        return () -> GenericEventMessage.clock = clock;
    }
}
