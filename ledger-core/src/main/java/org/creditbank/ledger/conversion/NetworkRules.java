package org.creditbank.ledger.conversion;

import org.creditbank.ledger.achievement.AchievementKind;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The provincial centre's network rules (hours into credits, learning points): which of their versions is in force
 * for a kind of learning on a date — one rule for both.
 */
public final class NetworkRules {

    /** The terms of a version of a network rule: the kinds it takes, and when it is in force. */
    public interface Terms {
        List<AchievementKind> kinds();

        LocalDate effectiveFrom();

        boolean covers(LocalDate date);
    }

    private NetworkRules() {
    }

    /**
     * Of every version of every rule, the one in force for a kind on a date: of each rule, the latest version begun by
     * the date, if its own window still holds the date (a later version replaces the earlier ones from its date on,
     * even once it ends); of those that take the kind, the one in force from the latest date, then the lowest rule id.
     */
    public static <V> Optional<V> inForce(List<V> versions, Function<V, String> ruleId, ToIntFunction<V> version,
                                          Function<V, ? extends Terms> terms, AchievementKind kind, LocalDate on) {
        Map<String, V> latest = new LinkedHashMap<>();
        versions.stream().filter(v -> !terms.apply(v).effectiveFrom().isAfter(on))
                .sorted(Comparator.comparingInt(version))
                .forEach(v -> latest.put(ruleId.apply(v), v));
        return latest.values().stream().filter(v -> terms.apply(v).covers(on))
                .filter(v -> terms.apply(v).kinds().contains(kind))
                .min(Comparator.comparing((V v) -> terms.apply(v).effectiveFrom()).reversed()
                        .thenComparing(ruleId));
    }
}
