package org.creditbank.ledger.projection.archive;

import org.creditbank.ledger.readmodel.Sql;
import org.creditbank.ledger.readmodel.Slot;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.Supplier;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the account read model. */
public class ArchiveQueries {

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;
    private final Supplier<Slot> branches;

    /**
     * @param slot     the slot to read, asked at each query (a rebuild switches the live one)
     * @param branches the branch register's slot, which a question of a jurisdiction joins
     */
    public ArchiveQueries(JdbcTemplate jdbc, Supplier<Slot> slot, Supplier<Slot> branches) {
        this.jdbc = jdbc;
        this.slot = slot;
        this.branches = branches;
    }

    /** The account with its totals and achievements, if it exists. */
    public Optional<AccountView> account(String learnerNumber) {
        return summary(learnerNumber).map(a -> new AccountView(a.learnerNumber(), a.status(), a.mergedInto(),
                a.fullName(), a.contact(), a.openedAt(), a.openingBranch(), a.closedAt(), a.creditTotals(),
                achievements(learnerNumber)));
    }

    /** The account with its totals but without its achievements, if it exists. */
    public Optional<AccountView> summary(String learnerNumber) {
        List<AccountView> found = jdbc.query("SELECT * FROM " + t("learner_account") + " WHERE learner_number = ?",
                (rs, i) -> new AccountView(rs.getString("learner_number"), rs.getString("status"),
                        rs.getString("merged_into"), rs.getString("full_name"),
                        new AccountView.Contact(rs.getString("phone"), rs.getString("email"), rs.getString("address")),
                        Sql.instant(rs, "opened_at"), rs.getString("opening_branch"), Sql.instant(rs, "closed_at"),
                        totals(learnerNumber), List.of()), learnerNumber);
        return found.stream().findFirst();
    }

    /** Whether an account with the learner number exists (or existed: merged and closed accounts too). */
    /**
     * The branches that serve a learner: the one that opened the account and every one whose recording on it was
     * certified (by a second officer) — a recording alone grants nothing, or any officer could record a throwaway
     * achievement to read someone. Empty for an unknown account.
     */
    public List<String> servingBranches(String learnerNumber) {
        return jdbc.queryForList("SELECT opening_branch FROM " + t("learner_account") + " WHERE learner_number = ?"
                + " UNION SELECT recording_branch FROM " + t("achievement") + " WHERE learner_number = ?"
                + " AND status IN ('CERTIFIED', 'REVOKED')", String.class, learnerNumber, learnerNumber);
    }

    public boolean exists(String learnerNumber) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + t("learner_account") + " WHERE learner_number = ?",
                Integer.class, learnerNumber);
        return n != null && n > 0;
    }

    /** One achievement of the account, if it exists there. */
    public Optional<AchievementView> achievement(String learnerNumber, String achievementId) {
        Map<String, List<AchievementView.Act>> history = history(
                "SELECT * FROM " + t("achievement_act") + " WHERE achievement_id = ? ORDER BY id", achievementId);
        return jdbc.query("SELECT * FROM " + t("achievement") + " WHERE learner_number = ? AND achievement_id = ?",
                (rs, i) -> achievement(rs, history), learnerNumber, achievementId).stream().findFirst();
    }

    /** What to select from a learner's archive; null parts select everything. */
    public record ArchiveFilter(String kind, String status, LocalDate achievedFrom, LocalDate achievedTo) {
    }

    /** A page of achievements, with how many match in all. */
    public record Page(int offset, int limit, long total, List<AchievementView> achievements) {
    }

    /** The learner's lifelong archive: every achievement of a life, filtered and paged, oldest first. */
    public Page archive(String learnerNumber, ArchiveFilter filter, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE learner_number = ?");
        List<Object> args = new ArrayList<>(List.of(learnerNumber));
        if (filter.kind() != null) {
            where.append(" AND kind = ?");
            args.add(filter.kind());
        }
        if (filter.status() != null) {
            where.append(" AND status = ?");
            args.add(filter.status());
        }
        if (filter.achievedFrom() != null) {
            where.append(" AND achieved_on >= ?");
            args.add(filter.achievedFrom());
        }
        if (filter.achievedTo() != null) {
            where.append(" AND achieved_on <= ?");
            args.add(filter.achievedTo());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM " + t("achievement") + where, Long.class,
                args.toArray());
        return new Page(offset, limit, total == null ? 0 : total, page("SELECT * FROM " + t("achievement") + where
                + " ORDER BY achieved_on, recorded_at, achievement_id", args, offset, limit));
    }

    /** Achievements awaiting certification whose recording branch lies in the branch's jurisdiction, oldest first. */
    public Page awaitingCertification(String branchCode, int offset, int limit) {
        List<Object> args = new ArrayList<>(List.of("%/" + branchCode + "/%"));
        String from = " FROM " + t("achievement")
                + " a JOIN " + branches.get().table("branch") + " b ON b.code = a.recording_branch AND b.lineage LIKE ?"
                + " WHERE a.status = 'RECORDED'";
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + from, Long.class, args.toArray());
        return new Page(offset, limit, total == null ? 0 : total,
                page("SELECT a.*" + from + " ORDER BY a.recorded_at, a.achievement_id", args, offset, limit));
    }

    private List<AchievementView> page(String sql, List<Object> args, int offset, int limit) {
        List<Object> paged = new ArrayList<>(args);
        paged.add(limit);
        paged.add(offset);
        List<String> ids = new ArrayList<>();
        List<java.util.function.Function<Map<String, List<AchievementView.Act>>, AchievementView>> rows =
                jdbc.query(sql + " LIMIT ? OFFSET ?", (rs, i) -> {
                    ids.add(rs.getString("achievement_id"));
                    AchievementView withoutHistory = achievement(rs, Map.of());
                    return history -> withHistory(withoutHistory, history);
                }, paged.toArray());
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, List<AchievementView.Act>> history = history("SELECT * FROM " + t("achievement_act")
                + " WHERE achievement_id"
                + " IN (" + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ") ORDER BY id",
                ids.toArray());
        return rows.stream().map(row -> row.apply(history)).toList();
    }

    private static AchievementView withHistory(AchievementView a, Map<String, List<AchievementView.Act>> history) {
        return new AchievementView(a.achievementId(), a.learnerNumber(), a.kind(), a.title(), a.awardingBody(),
                a.assessingBody(), a.achievedOn(), a.evidence(), a.credits(), a.qualificationLevel(),
                a.vocationalLevel(), a.result(), a.externalReference(), a.certificateSerial(), a.status(),
                a.recordedBy(), a.recordingBranch(), a.recordedAt(),
                List.copyOf(history.getOrDefault(a.achievementId(), List.of())));
    }

    private List<AccountView.CreditTotal> totals(String learnerNumber) {
        return jdbc.query("SELECT credit_unit, SUM(credits) AS total, COUNT(*) AS n FROM " + t("achievement")
                        + " WHERE learner_number = ? AND status = 'CERTIFIED'"
                        + " GROUP BY credit_unit ORDER BY credit_unit",
                (rs, i) -> new AccountView.CreditTotal(rs.getString("credit_unit"), plain(rs.getBigDecimal("total")),
                        rs.getInt("n")), learnerNumber);
    }

    private List<AchievementView> achievements(String learnerNumber) {
        Map<String, List<AchievementView.Act>> history = history("SELECT x.* FROM " + t("achievement_act") + " x"
                + " JOIN " + t("achievement") + " a ON a.achievement_id = x.achievement_id WHERE a.learner_number = ?"
                + " ORDER BY x.id", learnerNumber);
        return jdbc.query("SELECT * FROM " + t("achievement")
                        + " WHERE learner_number = ? ORDER BY recorded_at, achievement_id",
                (rs, i) -> achievement(rs, history), learnerNumber);
    }

    private Map<String, List<AchievementView.Act>> history(String sql, Object... key) {
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

    private String t(String base) {
        return slot.get().table(base);
    }
}
