package org.creditbank.ledger.projection.branch;

import org.creditbank.ledger.branch.BranchDirectory;
import org.creditbank.ledger.branch.BranchProfile;
import org.creditbank.ledger.branch.BranchStatus;
import org.creditbank.ledger.branch.BranchTier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The branch directory the rules consult, read from the branch register. */
public class JdbcBranchDirectory implements BranchDirectory {

    static final RowMapper<BranchProfile> PROFILE = (rs, i) -> new BranchProfile(rs.getString("code"),
            rs.getString("name"), BranchTier.valueOf(rs.getString("tier")), rs.getString("division_code"),
            BranchStatus.valueOf(rs.getString("status")), rs.getString("parent_code"),
            lineage(rs.getString("lineage")));

    private final JdbcTemplate jdbc;

    public JdbcBranchDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<BranchProfile> find(String branchCode) {
        return jdbc.query("SELECT * FROM branch WHERE code = ?", PROFILE, branchCode).stream().findFirst();
    }

    @Override
    public boolean hasProvincialCentre() {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM provincial_centre", Integer.class);
        return count != null && count > 0;
    }

    @Override
    public Optional<String> branchOfOfficer(String officerId) {
        return jdbc.queryForList("SELECT branch_code FROM branch_officer WHERE officer_id = ?", String.class,
                officerId).stream().findFirst();
    }

    @Override
    public int openChildren(String branchCode) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM branch WHERE parent_code = ? AND status <> ?",
                Integer.class, branchCode, BranchStatus.CLOSED.name());
        return count == null ? 0 : count;
    }

    static List<String> lineage(String stored) {
        return Arrays.stream(stored.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
