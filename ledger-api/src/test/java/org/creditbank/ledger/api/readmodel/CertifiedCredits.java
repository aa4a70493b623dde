package org.creditbank.ledger.api.readmodel;

import org.axonframework.eventhandling.EventHandler;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCertified;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRevoked;
import org.creditbank.ledger.readmodel.BatchedWrites;
import org.creditbank.ledger.readmodel.BatchedWrites.Columns;
import org.creditbank.ledger.readmodel.ReadModel;
import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.readmodel.SlotTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A read model that exists only in the tests, added as any read model is: one declaration, its template
 * ({@code certified-credits.sql} beside this class) and its projection. Every certified achievement's credits, until
 * it is revoked. Not a {@code @Configuration}, which the server's scan would find in every test: a test adds it to a
 * server's sources ({@link org.creditbank.ledger.api.RunningLedger#addToNextStart}).
 */
public class CertifiedCredits {

    /** Its name. */
    public static final String NAME = "certified-credits";

    @Bean
    public ReadModel certifiedCreditsReadModel(JdbcTemplate jdbc) {
        return ReadModel.named(NAME)
                .template(SlotTemplate.of(CertifiedCredits.class, "certified-credits"))
                .projection(slot -> new Projection(jdbc, slot))
                .inCommandTransaction()
                .build();
    }

    /** Its projection. */
    static final class Projection {
        private static final Columns CREDIT = Columns.of("achievement_id", "learner_number", "credit_unit", "credits",
                "revoked");

        private final BatchedWrites writes;
        private final Supplier<Slot> slot;

        Projection(JdbcTemplate jdbc, Supplier<Slot> slot) {
            this.writes = new BatchedWrites(jdbc, this);
            this.slot = slot;
        }

        @EventHandler
        void on(AchievementCertified e) {
            writes.insert(slot.get().table("certified_credit"), e.achievementId(), CREDIT, e.achievementId(),
                    e.learnerNumber(), e.creditUnit(), e.credits(), false);
        }

        @EventHandler
        void on(AchievementRevoked e) {
            writes.update(slot.get().table("certified_credit"), "achievement_id", e.achievementId(),
                    Map.of("revoked", true));
        }
    }
}
