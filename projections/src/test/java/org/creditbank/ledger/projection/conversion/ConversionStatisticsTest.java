package org.creditbank.ledger.projection.conversion;

import org.creditbank.ledger.conversion.ConversionEvent.Assessment;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionApplied;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionGranted;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionInvalidated;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionRefused;
import org.creditbank.ledger.conversion.ConversionEvent.SourceGrant;
import org.creditbank.ledger.conversion.ConversionEvent.SourceRefusal;
import org.creditbank.ledger.conversion.ConversionsCarried;
import org.creditbank.ledger.conversion.ConversionsCarried.CarriedApplication;
import org.creditbank.ledger.conversion.HoursConverted;
import org.creditbank.ledger.projection.ReadModelSpecification;
import org.creditbank.ledger.projection.conversion.ConversionStatisticsQueries.Credit;
import org.creditbank.ledger.projection.conversion.ConversionStatisticsQueries.Figures;
import org.creditbank.ledger.projection.conversion.ConversionStatisticsQueries.Grouping;
import org.creditbank.ledger.projection.conversion.ConversionStatisticsQueries.Query;
import org.creditbank.ledger.projection.conversion.ConversionStatisticsQueries.Statistics;
import org.creditbank.ledger.readmodel.Dialect;
import org.creditbank.ledger.readmodel.Slot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The statistics of conversions, given events: applications, decisions and credits by day, institution and rule, and
 * the figures rolled up through the tiers of the network.
 */
class ConversionStatisticsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String ANNA = "330100000000000011";
    private static final String BEN = "330100000000000029";
    private static final String UNIT = "ZJU_CREDIT";

    private JdbcTemplate jdbc;
    private final ReadModelSpecification tally = ReadModelSpecification.of(jdbc -> {
        this.jdbc = jdbc;
        return ConversionStatisticsReadModel.declaration(jdbc, SHANGHAI, Dialect.H2);
    });
    private ConversionStatisticsQueries queries;

    /** The provincial centre, Zhejiang University below it, and a college below Hangzhou's branch. */
    @BeforeEach
    void network() {
        jdbc.execute("CREATE TABLE branch (code VARCHAR(32) PRIMARY KEY, lineage VARCHAR(2048))");
        jdbc.update("INSERT INTO branch VALUES ('ZJ-CENTRE', '/ZJ-CENTRE/'), ('ZJU', '/ZJ-CENTRE/ZJU/'),"
                + " ('HZ-BRANCH', '/ZJ-CENTRE/HZ-BRANCH/'), ('HZ-COLLEGE', '/ZJ-CENTRE/HZ-BRANCH/HZ-COLLEGE/')");
        queries = new ConversionStatisticsQueries(jdbc, () -> Slot.A, () -> Slot.A);
    }

    @AfterEach
    void close() {
        tally.close();
    }

    @Test
    void applications_decisions_and_credits_are_counted_by_institution_and_rule() {
        apply(ANNA, "app-1", "ZJU", List.of(assessed("a-1", "rule-cert", "8"), assessed("a-2", "rule-course", "3"),
                refusedByRules("a-3")));
        tally.given(ANNA, new ConversionGranted(ANNA, "app-1", "ZJU", "CS-BSC", List.of(grant("a-1", "rule-cert", "8"),
                grant("a-2", "rule-course", "3")), List.of(new SourceRefusal("a-3", "no rule grants it")),
                new BigDecimal("11"), UNIT, LocalDate.of(2026, 3, 2), "carol", "ZJU", tally.now()), "carol", "ZJU");
        apply(BEN, "app-2", "HZ-COLLEGE", List.of(assessed("b-1", "rule-cert", "8")));
        tally.given(BEN, new ConversionRefused(BEN, "app-2", "HZ-COLLEGE", "CS-DIP", "documents missing", "dave",
                "HZ-COLLEGE", tally.now()), "dave", "HZ-COLLEGE");

        Figures all = queries.statistics(new Query(null, null, null, null)).totals();
        assertThat(all.applications()).isEqualTo(2);
        assertThat(all.granted()).isEqualTo(1);
        assertThat(all.refused()).isEqualTo(1);
        assertThat(all.sourcesGranted()).isEqualTo(2);
        assertThat(all.sourcesRefused()).isEqualTo(2);
        assertThat(all.creditsGranted()).containsExactly(new Credit(UNIT, new BigDecimal("11")));

        Statistics byRule = queries.statistics(new Query(null, null, null, Grouping.RULE));
        assertThat(byRule.groups()).extracting(g -> g.key(), g -> g.figures().applications(),
                g -> g.figures().sourcesGranted(), g -> g.figures().sourcesRefused(),
                g -> g.figures().creditsGranted()).containsExactly(
                tuple(ConversionStatisticsQueries.NONE, 2L, 0L, 1L, List.of()),
                tuple("rule-cert", 0L, 1L, 1L, List.of(new Credit(UNIT, new BigDecimal("8")))),
                tuple("rule-course", 0L, 1L, 0L, List.of(new Credit(UNIT, new BigDecimal("3")))));

        // Rolled up: Hangzhou's branch holds the college; the centre holds everything.
        assertThat(queries.statistics(new Query("HZ-BRANCH", null, null, null)).totals().applications()).isEqualTo(1);
        assertThat(queries.statistics(new Query("ZJ-CENTRE", null, null, Grouping.BRANCH)).groups())
                .extracting(g -> g.key(), g -> g.figures().applications(), g -> g.figures().granted())
                .containsExactly(tuple("HZ-BRANCH", 1L, 0L), tuple("ZJU", 1L, 1L));
        assertThat(queries.statistics(new Query(null, null, null, Grouping.INSTITUTION)).groups())
                .extracting(g -> g.key()).containsExactly("HZ-COLLEGE", "ZJU");
        // Every application was made on the same day: a period after it counts none.
        assertThat(queries.statistics(new Query(null, LocalDate.of(2026, 3, 3), null, Grouping.MONTH)).totals()
                .applications()).isZero();
        assertThat(queries.statistics(new Query(null, null, null, Grouping.MONTH)).groups())
                .extracting(g -> g.key()).containsExactly("2026-03");
        // What a decision no longer needs is gone.
        assertThat(tally.count("conversion_tally_source")).isZero();
    }

    @Test
    void an_invalidation_takes_back_what_the_grant_gave_rule_by_rule() {
        apply(ANNA, "app-1", "ZJU", List.of(assessed("a-1", "rule-cert", "8"), assessed("a-2", "rule-course", "3")));
        tally.given(ANNA, new ConversionGranted(ANNA, "app-1", "ZJU", "CS-BSC", List.of(grant("a-1", "rule-cert", "8"),
                grant("a-2", "rule-course", "3")), List.of(), new BigDecimal("11"), UNIT, LocalDate.of(2026, 3, 2),
                "carol", "ZJU", tally.now()), "carol", "ZJU");
        tally.given(ANNA, new ConversionInvalidated(ANNA, "app-1", "ZJU", "CS-BSC", "a-1", "REVOKED", "forged",
                new BigDecimal("11"), UNIT, "bob", "HZ-BRANCH", tally.now()), "bob", "HZ-BRANCH");

        Figures all = queries.statistics(new Query(null, null, null, null)).totals();
        assertThat(all.invalidated()).isEqualTo(1);
        assertThat(all.sourcesInvalidated()).isEqualTo(2);
        assertThat(all.creditsInvalidated()).containsExactly(new Credit(UNIT, new BigDecimal("11")));
        assertThat(tally.rows("conversion_tally", "rule_id, measure")).filteredOn(r -> r.get("measure")
                .equals("SOURCE_INVALIDATED")).extracting(r -> r.get("rule_id"), r -> r.get("n"),
                r -> ((BigDecimal) r.get("credits")).stripTrailingZeros().toPlainString()).containsExactly(
                tuple("rule-cert", 1L, "8"), tuple("rule-course", 1L, "3"));
    }

    @Test
    void a_grant_carried_by_a_merge_is_taken_back_on_the_survivor_and_counted_once() {
        ConversionApplied applied = new ConversionApplied(BEN, "app-1", "ZJU", "CS-BSC", LocalDate.of(2026, 3, 2),
                List.of(assessed("b-1", "rule-cert", "8")), "alice", "HZ-BRANCH", tally.now());
        tally.given(BEN, applied, "alice", "HZ-BRANCH");
        ConversionGranted granted = new ConversionGranted(BEN, "app-1", "ZJU", "CS-BSC", List.of(grant("b-1",
                "rule-cert", "8")), List.of(), new BigDecimal("8"), UNIT, LocalDate.of(2026, 3, 2), "carol", "ZJU",
                tally.now());
        tally.given(BEN, granted, "carol", "ZJU");
        tally.given(ANNA, new ConversionsCarried(ANNA, BEN, List.of(new CarriedApplication("app-1-ben", applied,
                granted, null, null)), List.of(), List.of(), List.of(), "alice", "HZ-BRANCH", tally.now()), "alice",
                "HZ-BRANCH");
        tally.given(ANNA, new ConversionInvalidated(ANNA, "app-1-ben", "ZJU", "CS-BSC", "b-1", "REVOKED", "forged",
                new BigDecimal("8"), UNIT, "bob", "HZ-BRANCH", tally.now()), "bob", "HZ-BRANCH");

        Figures all = queries.statistics(new Query(null, null, null, null)).totals();
        assertThat(all.applications()).isEqualTo(1);
        assertThat(all.granted()).isEqualTo(1);
        assertThat(all.creditsInvalidated()).containsExactly(new Credit(UNIT, new BigDecimal("8")));
    }

    @Test
    void hours_converted_count_at_the_certifying_branch_under_the_hours_rule() {
        tally.given(ANNA, new HoursConverted(ANNA, "a-9", "hours-zj", 2, new BigDecimal("40"), new BigDecimal("16"),
                1, "HALF_UP", new BigDecimal("2.5"), new BigDecimal("2.5"), new BigDecimal("20"),
                LocalDate.of(2026, 3, 2), "bob", "HZ-BRANCH", tally.now()), "bob", "HZ-BRANCH");

        Statistics byRule = queries.statistics(new Query("HZ-BRANCH", null, null, Grouping.RULE));
        assertThat(byRule.totals().hoursConversions()).isEqualTo(1);
        assertThat(byRule.totals().hoursCredits()).isEqualByComparingTo("2.5");
        assertThat(byRule.groups()).extracting(g -> g.key()).containsExactly("hours-zj");
        assertThat(queries.statistics(new Query("ZJU", null, null, null)).totals().hoursConversions()).isZero();
    }

    private void apply(String learner, String id, String institution, List<Assessment> sources) {
        tally.given(learner, new ConversionApplied(learner, id, institution, "CS-BSC", LocalDate.of(2026, 3, 2),
                sources, "alice", "HZ-BRANCH", tally.now()), "alice", "HZ-BRANCH");
    }

    private static Assessment assessed(String achievement, String rule, String credits) {
        return new Assessment(achievement, rule, 1, null, new BigDecimal(credits), UNIT, null, List.of(), null);
    }

    private static Assessment refusedByRules(String achievement) {
        return new Assessment(achievement, null, null, null, null, null, null, List.of(), "no rule grants it");
    }

    private static SourceGrant grant(String achievement, String rule, String credits) {
        return new SourceGrant(achievement, "ZJ-EXAMS", rule, 1, null, new BigDecimal(credits), UNIT, null, List.of());
    }
}
