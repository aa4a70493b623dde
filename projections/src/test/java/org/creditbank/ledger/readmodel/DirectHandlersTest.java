package org.creditbank.ledger.readmodel;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A replay calls a projection's handlers as Axon's annotated adapter does live: the most specific one per payload. */
class DirectHandlersTest {

    interface Happened {
    }

    record Recorded(String id) implements Happened {
    }

    record Certified(String id) implements Happened {
    }

    record Unrelated(String id) {
    }

    static final class Projection {
        final List<String> calls = new ArrayList<>();

        @EventHandler
        void on(Recorded e) {
            calls.add("recorded " + e.id());
        }

        @EventHandler
        void on(Happened e, EventMessage<?> message) {
            calls.add("happened " + message.getIdentifier());
        }

        @EventHandler
        void on(String e, DomainEventMessage<?> message) {
            calls.add("text " + message.getSequenceNumber());
        }

        void notAHandler(Unrelated e) {
            calls.add("never");
        }
    }

    @Test
    void each_event_goes_to_the_handler_of_its_most_specific_payload_type_with_the_message_if_asked() {
        Projection projection = new Projection();
        DirectHandlers handlers = new DirectHandlers(projection);
        EventMessage<?> certified = GenericEventMessage.asEventMessage(new Certified("b"));

        handlers.handle(GenericEventMessage.asEventMessage(new Recorded("a")));
        handlers.handle(certified);
        handlers.handle(new GenericDomainEventMessage<>("Learner", "L1", 7, "text"));
        handlers.handle(GenericEventMessage.asEventMessage(new Unrelated("c")));

        assertThat(projection.calls).containsExactly("recorded a", "happened " + certified.getIdentifier(), "text 7");
    }

    @Test
    void a_handler_that_takes_a_domain_event_refuses_any_other_message() {
        DirectHandlers handlers = new DirectHandlers(new Projection());

        assertThatThrownBy(() -> handlers.handle(GenericEventMessage.asEventMessage("text")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only as a DomainEventMessage");
    }

    @Test
    void a_failing_handler_fails_with_its_own_exception() {
        Object failing = new Object() {
            @EventHandler
            void on(Recorded e) {
                throw new IllegalArgumentException("no " + e.id());
            }
        };

        assertThatThrownBy(() -> new DirectHandlers(failing).handle(GenericEventMessage.asEventMessage(
                new Recorded("x")))).isInstanceOf(IllegalArgumentException.class).hasMessage("no x");
    }

    @Test
    void a_projection_with_handlers_of_other_parameters_or_two_for_one_payload_type_is_refused_before_any_event() {
        Object withTimestamp = new Object() {
            @EventHandler
            void on(Recorded e, @Timestamp Instant at) {
            }
        };
        Object samePayloadTwice = new Object() {
            @EventHandler
            void on(Recorded e) {
            }

            @EventHandler
            void again(Recorded e, EventMessage<?> message) {
            }
        };

        assertThatThrownBy(() -> new DirectHandlers(withTimestamp)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("(payload) or (payload, message) only");
        assertThatThrownBy(() -> new DirectHandlers(samePayloadTwice)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one handler per payload type");
    }

    interface Certifiable {
    }

    record Both(String id) implements Happened, Certifiable {
    }

    @Test
    void a_payload_of_two_unrelated_handled_types_fails_the_replay_at_its_first_event() {
        Object twoInterfaces = new Object() {
            @EventHandler
            void on(Happened e) {
            }

            @EventHandler
            void on(Certifiable e) {
            }
        };
        DirectHandlers handlers = new DirectHandlers(twoInterfaces);

        handlers.handle(GenericEventMessage.asEventMessage(new Recorded("z")));
        assertThatThrownBy(() -> handlers.handle(GenericEventMessage.asEventMessage(new Both("w"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no single most specific handler");
    }
}
