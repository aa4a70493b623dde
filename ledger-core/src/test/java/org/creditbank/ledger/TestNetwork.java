package org.creditbank.ledger;

import org.creditbank.ledger.branch.BranchDirectory;
import org.creditbank.ledger.branch.BranchProfile;
import org.creditbank.ledger.branch.BranchRole;
import org.creditbank.ledger.branch.BranchStatus;
import org.creditbank.ledger.branch.BranchTier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A small branch network held in memory, standing in for the branch register in aggregate tests. */
public final class TestNetwork implements BranchDirectory {

    public static final String CENTRE = "ZJ-CENTRE";
    public static final String HANGZHOU = "HZ-BRANCH";
    public static final String NINGBO = "NB-BRANCH";
    public static final String XIHU = "XH-SUBCENTRE";
    public static final String XIHU_POINT = "XH-POINT-01";

    public static final String ERIN_AT_CENTRE = "erin";
    public static final String ALICE_AT_HANGZHOU = "alice";
    public static final String BOB_AT_HANGZHOU = "bob";
    public static final String CAROL_AT_NINGBO = "carol";
    public static final String DAVE_AT_XIHU = "dave";

    private final Map<String, BranchProfile> branches = new HashMap<>();
    private final Map<String, Map<String, Set<BranchRole>>> appointments = new HashMap<>();
    private final Map<String, String> subjects = new HashMap<>();

    /** The standard network: a centre, two cities, a county sub-centre and an acceptance point. */
    public static TestNetwork standard() {
        TestNetwork network = new TestNetwork();
        network.add(CENTRE, BranchTier.PROVINCIAL_CENTRE, "330000", null);
        network.add(HANGZHOU, BranchTier.MUNICIPAL_BRANCH, "330100", CENTRE);
        network.add(NINGBO, BranchTier.MUNICIPAL_BRANCH, "330200", CENTRE);
        network.add(XIHU, BranchTier.COUNTY_SUB_CENTRE, "330106", HANGZHOU);
        network.add(XIHU_POINT, BranchTier.ACCEPTANCE_POINT, "330106", XIHU);
        network.appoint(ERIN_AT_CENTRE, CENTRE);
        network.appoint(ALICE_AT_HANGZHOU, HANGZHOU);
        network.appoint(BOB_AT_HANGZHOU, HANGZHOU);
        network.appoint(CAROL_AT_NINGBO, NINGBO);
        network.appoint(DAVE_AT_XIHU, XIHU);
        return network;
    }

    public TestNetwork add(String code, BranchTier tier, String division, String parent) {
        List<String> lineage = new ArrayList<>();
        if (parent != null) {
            lineage.addAll(branches.get(parent).lineage());
        }
        lineage.add(code);
        branches.put(code, new BranchProfile(code, code, tier, division, BranchStatus.ACTIVE, parent, lineage));
        return this;
    }

    /** Appoints the officer with every role, bound to a subject of their own name. */
    public TestNetwork appoint(String officer, String branch) {
        return appoint(officer, branch, BranchRole.all());
    }

    /** Appoints the officer in the given roles, bound to a subject of their own name. */
    public TestNetwork appoint(String officer, String branch, Set<BranchRole> roles) {
        appointments.computeIfAbsent(officer, o -> new TreeMap<>()).put(branch, Set.copyOf(roles));
        subjects.put(officer, officer);
        return this;
    }

    /** Appoints the officer with every role, bound to no subject (as appointments were before sign-ins). */
    public TestNetwork appointUnbound(String officer, String branch) {
        appointments.computeIfAbsent(officer, o -> new TreeMap<>()).put(branch, BranchRole.all());
        return this;
    }

    public TestNetwork setStatus(String code, BranchStatus status) {
        BranchProfile p = branches.get(code);
        branches.put(code, new BranchProfile(p.code(), p.name(), p.tier(), p.divisionCode(), status, p.parentCode(),
                p.lineage()));
        return this;
    }

    @Override
    public Optional<BranchProfile> find(String branchCode) {
        return Optional.ofNullable(branches.get(branchCode));
    }

    @Override
    public boolean hasProvincialCentre() {
        return branches.values().stream().anyMatch(b -> b.tier() == BranchTier.PROVINCIAL_CENTRE);
    }

    @Override
    public Set<BranchRole> rolesAt(String officerId, String branchCode) {
        return appointments.getOrDefault(officerId, Map.of()).getOrDefault(branchCode, Set.of());
    }

    @Override
    public List<String> branchesOf(String officerId) {
        return List.copyOf(appointments.getOrDefault(officerId, Map.of()).keySet());
    }

    @Override
    public boolean isSystemClient(String officerId) {
        return false;
    }

    @Override
    public Optional<String> officerBoundTo(String subject) {
        return subjects.entrySet().stream().filter(e -> e.getValue().equals(subject)).map(Map.Entry::getKey)
                .findFirst();
    }

    @Override
    public Optional<String> subjectOf(String officerId) {
        return Optional.ofNullable(subjects.get(officerId));
    }

    @Override
    public int openChildren(String branchCode) {
        return (int) branches.values().stream()
                .filter(b -> branchCode.equals(b.parentCode()) && b.status() != BranchStatus.CLOSED).count();
    }
}
