package org.creditbank.ledger.projection.register;

import org.creditbank.ledger.readmodel.Slot;
import org.axonframework.eventhandling.EventHandler;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRecorded;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRejected;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRevoked;
import org.creditbank.ledger.achievement.CertificateSerial;
import org.creditbank.ledger.learner.AccountEvent.MergedAccountAbsorbed;
import org.springframework.jdbc.core.JdbcTemplate;
import java.util.function.Supplier;

/**
 * Which learner holds each certificate, by issuer and canonical serial ({@link CertificateSerial#key}). The primary
 * key makes two learners racing for one certificate impossible: the second transaction fails and writes no event. A
 * rejected or revoked achievement releases its certificate, so the rightful holder can record it.
 */
public class CertificateRegisterProjection {

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;

    /** @param slot the register's slot, asked at each use (a rebuild switches the live one) */
    public CertificateRegisterProjection(JdbcTemplate jdbc, Supplier<Slot> slot) {
        this.jdbc = jdbc;
        this.slot = slot;
    }

    @EventHandler
    void on(AchievementRecorded e) {
        if (e.certificateSerial() != null) {
            jdbc.update(slot.get().sql(
                    "INSERT INTO {certificate_holder} (certificate_key, certificate_serial, learner_number,"
                            + " achievement_id) VALUES (?, ?, ?, ?)"),
                    CertificateSerial.key(e.externalIssuer(), e.certificateSerial()), e.certificateSerial(),
                    e.learnerNumber(), e.achievementId());
        }
    }

    @EventHandler
    void on(AchievementRejected e) {
        release(e.achievementId());
    }

    @EventHandler
    void on(AchievementRevoked e) {
        release(e.achievementId());
    }

    @EventHandler
    void on(MergedAccountAbsorbed e) {
        jdbc.update(slot.get().sql(
                "UPDATE {certificate_holder} SET learner_number = ? WHERE learner_number = ?"), e.learnerNumber(),
                e.mergedNumber());
    }

    private void release(String achievementId) {
        jdbc.update(slot.get().sql("DELETE FROM {certificate_holder} WHERE achievement_id = ?"), achievementId);
    }
}
