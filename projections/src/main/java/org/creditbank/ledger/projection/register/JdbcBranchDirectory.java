package org.creditbank.ledger.projection.register;

import org.creditbank.ledger.readmodel.BatchReads;
import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.branch.BranchDirectory;
import org.creditbank.ledger.branch.BranchProfile;
import org.creditbank.ledger.branch.BranchRole;
import org.creditbank.ledger.branch.BranchStatus;
import org.creditbank.ledger.branch.BranchTier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import java.util.function.Supplier;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/** The branch directory the rules consult, read from the branch register. */
public class JdbcBranchDirectory implements BranchDirectory {

    static final RowMapper<BranchProfile> PROFILE = (rs, i) -> new BranchProfile(rs.getString("code"),
            rs.getString("name"), BranchTier.valueOf(rs.getString("tier")), rs.getString("division_code"),
            BranchStatus.valueOf(rs.getString("status")), rs.getString("parent_code"),
            lineage(rs.getString("lineage")));

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;

    /** @param slot the register's slot, asked at each use (a rebuild switches the live one) */
    public JdbcBranchDirectory(JdbcTemplate jdbc, Supplier<Slot> slot) {
        this.jdbc = jdbc;
        this.slot = slot;
    }

    @Override
    public Optional<BranchProfile> find(String branchCode) {
        return BatchReads.once(() -> jdbc.query(slot.get().sql(
                "SELECT * FROM {branch} WHERE code = ?"), PROFILE, branchCode).stream().findFirst(), "branch", branchCode);
    }

    @Override
    public boolean hasProvincialCentre() {
        Integer count = jdbc.queryForObject(slot.get().sql("SELECT COUNT(*) FROM {provincial_centre}"), Integer.class);
        return count != null && count > 0;
    }

    @Override
    public Set<BranchRole> rolesAt(String officerId, String branchCode) {
        return BatchReads.once(() -> jdbc.queryForList(slot.get().sql(
                "SELECT roles FROM {branch_officer} WHERE officer_id = ? AND branch_code = ?"),
                String.class, officerId, branchCode).stream().findFirst().map(JdbcBranchDirectory::roles)
                .orElse(Set.of()), "roles", officerId, branchCode);
    }

    @Override
    public List<String> branchesOf(String officerId) {
        return jdbc.queryForList(slot.get().sql(
                "SELECT branch_code FROM {branch_officer} WHERE officer_id = ? ORDER BY branch_code"),
                String.class, officerId);
    }

    @Override
    public boolean isSystemClient(String officerId) {
        Integer systems = jdbc.queryForObject(slot.get().sql(
                "SELECT COUNT(*) FROM {branch_officer} WHERE officer_id = ?"
                + " AND system_client = TRUE"), Integer.class, officerId);
        return systems != null && systems > 0;
    }

    @Override
    public Optional<String> officerBoundTo(String subject) {
        return jdbc.queryForList(slot.get().sql(
                "SELECT officer_id FROM {officer_subject} WHERE subject = ?"), String.class, subject)
                .stream().findFirst();
    }

    @Override
    public Optional<String> subjectOf(String officerId) {
        return jdbc.queryForList(slot.get().sql(
                "SELECT subject FROM {officer_subject} WHERE officer_id = ?"), String.class, officerId)
                .stream().findFirst();
    }

    /** The officer's appointments: where they act, in which roles, and whether they are a system client. */
    public List<Appointment> appointmentsOf(String officerId) {
        return jdbc.query(slot.get().sql(
                "SELECT branch_code, roles, system_client FROM {branch_officer} WHERE officer_id = ?"
                        + " ORDER BY branch_code"),
                (rs, i) -> new Appointment(rs.getString("branch_code"), roles(rs.getString("roles")),
                        rs.getBoolean("system_client")), officerId);
    }

    /** One appointment of an officer. */
    public record Appointment(String branchCode, Set<BranchRole> roles, boolean system) {
    }

    /** Roles as the register stores them: names separated by commas. */
    static Set<BranchRole> roles(String stored) {
        Set<BranchRole> roles = EnumSet.noneOf(BranchRole.class);
        for (String role : stored.split(",")) {
            if (!role.isBlank()) {
                roles.add(BranchRole.valueOf(role.strip()));
            }
        }
        return roles;
    }

    @Override
    public int openChildren(String branchCode) {
        Integer count = jdbc.queryForObject(slot.get().sql(
                "SELECT COUNT(*) FROM {branch} WHERE parent_code = ? AND status <> ?"),
                Integer.class, branchCode, BranchStatus.CLOSED.name());
        return count == null ? 0 : count;
    }

    static List<String> lineage(String stored) {
        return Arrays.stream(stored.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
