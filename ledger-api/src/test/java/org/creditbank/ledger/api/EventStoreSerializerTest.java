package org.creditbank.ledger.api;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.creditbank.ledger.eventstore.EventSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The server stores its events with the ledger's own serializer (specified in the projections module). */
class EventStoreSerializerTest {

    @Test
    void the_server_stores_events_with_it() {
        assertThat(SharedLedger.get().bean(EventStorageEngine.class))
                .extracting("eventSerializer").isInstanceOf(EventSerializer.class);
    }
}
