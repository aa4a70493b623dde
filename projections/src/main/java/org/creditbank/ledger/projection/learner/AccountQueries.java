package org.creditbank.ledger.projection.learner;

import org.creditbank.ledger.projection.Sql;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the account read model. */
public class AccountQueries {

    private final JdbcTemplate jdbc;

    public AccountQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The account with its totals and achievements, if it exists. */
    public Optional<AccountView> account(String learnerNumber) {
        List<AccountView> found = jdbc.query("SELECT * FROM learner_account WHERE learner_number = ?",
                (rs, i) -> new AccountView(rs.getString("learner_number"), rs.getString("status"),
                        rs.getString("merged_into"), rs.getString("full_name"),
                        new AccountView.Contact(rs.getString("phone"), rs.getString("email"), rs.getString("address")),
                        Sql.instant(rs, "opened_at"), rs.getString("opening_branch"), Sql.instant(rs, "closed_at"),
                        totals(learnerNumber), achievements(learnerNumber)), learnerNumber);
        return found.stream().findFirst();
    }

    /** One achievement of the account, if it exists there. */
    public Optional<AchievementView> achievement(String learnerNumber, String achievementId) {
        Map<String, List<AchievementView.Act>> history = history(
                "SELECT * FROM achievement_act WHERE achievement_id = ? ORDER BY id", achievementId);
        return jdbc.query("SELECT * FROM achievement WHERE learner_number = ? AND achievement_id = ?",
                (rs, i) -> achievement(rs, history), learnerNumber, achievementId).stream().findFirst();
    }

    private List<AccountView.CreditTotal> totals(String learnerNumber) {
        return jdbc.query("SELECT credit_unit, SUM(credits) AS total, COUNT(*) AS n FROM achievement"
                        + " WHERE learner_number = ? AND status = 'CERTIFIED' GROUP BY credit_unit ORDER BY credit_unit",
                (rs, i) -> new AccountView.CreditTotal(rs.getString("credit_unit"), plain(rs.getBigDecimal("total")),
                        rs.getInt("n")), learnerNumber);
    }

    private List<AchievementView> achievements(String learnerNumber) {
        Map<String, List<AchievementView.Act>> history = history("SELECT x.* FROM achievement_act x"
                + " JOIN achievement a ON a.achievement_id = x.achievement_id WHERE a.learner_number = ?"
                + " ORDER BY x.id", learnerNumber);
        return jdbc.query("SELECT * FROM achievement WHERE learner_number = ? ORDER BY recorded_at, achievement_id",
                (rs, i) -> achievement(rs, history), learnerNumber);
    }

    private Map<String, List<AchievementView.Act>> history(String sql, Object key) {
        Map<String, List<AchievementView.Act>> byAchievement = new HashMap<>();
        jdbc.query(sql, rs -> {
            byAchievement.computeIfAbsent(rs.getString("achievement_id"), k -> new ArrayList<>())
                    .add(new AchievementView.Act(rs.getString("act"), rs.getString("reason"),
                            rs.getString("officer_id"), rs.getString("branch_code"), Sql.instant(rs, "acted_at")));
        }, key);
        return byAchievement;
    }

    private static AchievementView achievement(ResultSet rs, Map<String, List<AchievementView.Act>> history)
            throws SQLException {
        String id = rs.getString("achievement_id");
        String resultScheme = rs.getString("result_scheme");
        return new AchievementView(id, rs.getString("learner_number"), rs.getString("kind"), rs.getString("title"),
                rs.getString("awarding_body"), rs.getString("assessing_body"), Sql.date(rs, "achieved_on"),
                new AchievementView.Evidence(rs.getString("evidence_sha256"), rs.getString("evidence_media_type"),
                        rs.getString("evidence_location")),
                new AchievementView.Credits(plain(rs.getBigDecimal("credits")), rs.getString("credit_unit")),
                Sql.integer(rs, "qualification_level"), Sql.integer(rs, "vocational_level"),
                resultScheme == null ? null : new AchievementView.Result(resultScheme, rs.getString("result_value")),
                new AchievementView.ExternalReference(rs.getString("external_issuer"), rs.getString("external_id")),
                rs.getString("certificate_serial"), rs.getString("status"), rs.getString("recorded_by"),
                rs.getString("recording_branch"), Sql.instant(rs, "recorded_at"),
                List.copyOf(history.getOrDefault(id, List.of())));
    }

    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
