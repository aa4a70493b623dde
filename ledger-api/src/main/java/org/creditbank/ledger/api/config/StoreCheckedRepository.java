package org.creditbank.ledger.api.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.RepositorySpanFactory;

/**
 * An aggregate repository that keeps aggregates cached in memory but never decides on one the store has moved past.
 * With several nodes on one database, another node may append to an aggregate this node holds in its cache; a command
 * decided on that stale copy could refuse something that exists (an achievement recorded on the other node) before
 * anything reaches the store. So a cached aggregate is used only after the store confirms that its stream ends where
 * the copy does (one indexed lookup of the stream's last sequence number); a copy behind the store is dropped and the
 * aggregate loaded from the store (its snapshot and the events after it). A race lost after that check is caught on
 * append (the sequence number is taken) and repeated by {@link LostRaceRetry}.
 */
final class StoreCheckedRepository<T> extends CachingEventSourcingRepository<T> {

    private final Cache cache;
    private final EventStore store;

    private StoreCheckedRepository(EventSourcingRepository.Builder<T> builder, Cache cache, EventStore store) {
        super(builder);
        this.cache = cache;
        this.store = store;
    }

    /** The repository of {@code type}, as Axon's default configuration would build it, with an in-memory cache. */
    static <T> StoreCheckedRepository<T> of(Class<T> type, Configuration c, AggregateFactory<T> factory,
                                            SnapshotTriggerDefinition snapshots) {
        Cache cache = new WeakReferenceCache();
        EventSourcingRepository.Builder<T> builder = EventSourcingRepository.builder(type)
                .parameterResolverFactory(c.parameterResolverFactory())
                .handlerDefinition(c.handlerDefinition(type))
                .eventStore(c.eventStore())
                .aggregateFactory(factory)
                .snapshotTriggerDefinition(snapshots)
                .repositoryProvider(c::repository)
                .cache(cache);
        RepositorySpanFactory spans = c.getComponent(RepositorySpanFactory.class);
        if (spans != null) {
            builder.spanFactory(spans);
        }
        return new StoreCheckedRepository<>(builder, cache, c.eventStore());
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (cached && isBehindStore(aggregate)) {
            cache.remove(aggregateIdentifier);
            return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        return aggregate;
    }

    private boolean isBehindStore(EventSourcedAggregate<T> aggregate) {
        Long version = aggregate.version();
        return store.lastSequenceNumberFor(aggregate.identifierAsString())
                .filter(last -> version == null || last > version).isPresent();
    }
}
