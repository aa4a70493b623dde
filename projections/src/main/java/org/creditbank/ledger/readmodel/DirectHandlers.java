package org.creditbank.ledger.readmodel;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A projection's {@link EventHandler} methods, called directly for a replay of millions of events: each event goes to
 * the handler of the most specific payload type it is an instance of, as Axon's annotated handler adapter sends it
 * live. Axon's adapter resolves parameters, wraps the call in an interceptor chain and records a result per event;
 * here the handler for each payload type is found once and called through a method handle.
 *
 * <p>Only handlers whose parameters are the payload, optionally followed by the message ({@link EventMessage} or a
 * subtype), are supported, none may name another payload type in its annotation, and no two may take the same
 * payload type: a projection with anything else is refused when the replay is set up, not half-replayed. A payload
 * of two unrelated handled types (two interfaces, say) fails the replay at its first event, and a handler that takes a
 * {@code DomainEventMessage} refuses any other message (a replay of the event store only has domain events). The
 * replay check compares what this path builds with what Axon's builds live.
 */
final class DirectHandlers {

    private static final MethodType CALL = MethodType.methodType(void.class, Object.class, Object.class,
            EventMessage.class);
    /** Each projection class's handlers, found once (an as-of archive sets a replay up for every request). */
    private static final ClassValue<List<Declared>> DECLARED = new ClassValue<>() {
        @Override
        protected List<Declared> computeValue(Class<?> type) {
            return declared(type);
        }
    };
    private static final Declared NONE = new Declared(Object.class, EventMessage.class, null);

    private final Object projection;
    private final List<Declared> declared;
    /** The handler for each payload type met, or {@link #NONE}. */
    private final Map<Class<?>, Declared> byPayload = new HashMap<>();

    DirectHandlers(Object projection) {
        this.projection = projection;
        this.declared = DECLARED.get(projection.getClass());
    }

    /** Refuses a projection class whose handlers a replay cannot call (see above). */
    static void check(Class<?> projection) {
        DECLARED.get(projection);
    }

    /** Hands the event to the projection's handler for its payload, if it has one. */
    void handle(EventMessage<?> event) {
        Declared handler = byPayload.computeIfAbsent(event.getPayloadType(), this::resolve);
        if (handler == NONE) {
            return;
        }
        if (!handler.message.isInstance(event)) {
            throw new IllegalStateException(projection.getClass().getSimpleName() + " handles "
                    + event.getPayloadType().getSimpleName() + " only as a " + handler.message.getSimpleName());
        }
        try {
            handler.call.invokeExact(projection, event.getPayload(), (EventMessage<?>) event);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The handler of the most specific payload type that {@code payload} is an instance of. */
    private Declared resolve(Class<?> payload) {
        List<Declared> matching = declared.stream().filter(d -> d.payload.isAssignableFrom(payload)).toList();
        for (Declared candidate : matching) {
            if (matching.stream().allMatch(other -> other.payload.isAssignableFrom(candidate.payload))) {
                return candidate;
            }
        }
        if (matching.isEmpty()) {
            return NONE;
        }
        throw new IllegalStateException(projection.getClass().getSimpleName() + " has no single most specific handler"
                + " for " + payload.getName());
    }

    private static List<Declared> declared(Class<?> projection) {
        List<Declared> found = new ArrayList<>();
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (Class<?> type = projection; type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                EventHandler annotation = method.getAnnotation(EventHandler.class);
                if (annotation == null || method.isBridge() || method.isSynthetic()) {
                    continue;
                }
                Class<?>[] parameters = method.getParameterTypes();
                if (annotation.payloadType() != Object.class || parameters.length < 1 || parameters.length > 2
                        || parameters.length == 2 && !EventMessage.class.isAssignableFrom(parameters[1])
                        || method.getReturnType() != void.class) {
                    throw new IllegalStateException("a replay calls handlers of (payload) or (payload, message) only: "
                            + method);
                }
                if (found.stream().anyMatch(other -> other.payload == parameters[0])) {
                    throw new IllegalStateException("a replay calls one handler per payload type; "
                            + projection.getSimpleName() + " has more than one for " + parameters[0].getName());
                }
                method.setAccessible(true);
                try {
                    MethodHandle handle = lookup.unreflect(method);
                    if (parameters.length == 1) {
                        handle = MethodHandles.dropArguments(handle, 2, EventMessage.class);
                    }
                    found.add(new Declared(parameters[0], parameters.length == 2 ? parameters[1] : EventMessage.class,
                            handle.asType(CALL)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot call " + method, e);
                }
            }
        }
        return List.copyOf(found);
    }

    /** A handler: its payload type, the message type it takes, and how it is called (projection, payload, message). */
    private record Declared(Class<?> payload, Class<?> message, MethodHandle call) {
    }
}
