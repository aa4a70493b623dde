package org.creditbank.ledger.projection.statistics;

import org.creditbank.ledger.projection.statistics.StatisticsQueries.Credit;
import org.creditbank.ledger.projection.statistics.StatisticsQueries.Figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts and credits summed over rows, per measure and per credit unit, and the active learners told beside them: the
 * figures of one group or of the whole.
 */
final class Tally {

    private final Map<Measure, Long> counts = new EnumMap<>(Measure.class);
    private final Map<String, BigDecimal> credits = new TreeMap<>();
    Long learners;

    void add(Measure measure, long n, String unit, BigDecimal amount) {
        counts.merge(measure, n, Long::sum);
        if (!unit.isEmpty()) {
            credits.merge(unit, amount, BigDecimal::add);
        }
    }

    Figures figures() {
        List<Credit> deposited = new ArrayList<>();
        credits.forEach((unit, amount) -> deposited.add(new Credit(unit, plain(amount))));
        return new Figures(count(Measure.ACCOUNT_OPENED), count(Measure.ACCOUNT_MERGED),
                count(Measure.ACCOUNT_CLOSED), count(Measure.RECORDED), count(Measure.CERTIFIED),
                count(Measure.REJECTED), count(Measure.CORRECTED), count(Measure.REVOKED),
                count(Measure.SUPERSEDED), deposited, learners);
    }

    private long count(Measure measure) {
        return counts.getOrDefault(measure, 0L);
    }

    private static BigDecimal plain(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }
}
