package org.creditbank.ledger.projection.register;

import org.creditbank.ledger.achievement.AchievementEvent.AchievementRecorded;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRevoked;
import org.creditbank.ledger.branch.BranchEvent.BranchRegistered;
import org.creditbank.ledger.branch.BranchEvent.BranchSuspended;
import org.creditbank.ledger.branch.BranchEvent.OfficerAppointed;
import org.creditbank.ledger.branch.BranchEvent.OfficerRemoved;
import org.creditbank.ledger.branch.BranchEvent.OfficerSubjectBound;
import org.creditbank.ledger.learner.AccountEvent.AccountOpened;
import org.creditbank.ledger.learner.AccountEvent.MergedAccountAbsorbed;
import org.creditbank.ledger.learner.AccountEvent.SignInBound;
import org.creditbank.ledger.learner.Sealed;
import org.creditbank.ledger.projection.ReadModelSpecification;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The registers the rules consult, given events; each read also rebuilds them in bulk and requires the same rows. */
class RegisterProjectionsTest {

    private static final String ANNA = "330100000000000011";
    private static final String ANNE = "330100000000000029";

    @Test
    void branches_carry_their_lineage_the_centre_is_one_and_appointments_and_subjects_follow_the_events() {
        try (ReadModelSpecification register = ReadModelSpecification.of(BranchRegisterReadModel::declaration)) {
            register.given("ZJ-CENTRE", new BranchRegistered("ZJ-CENTRE", "Zhejiang", "PROVINCIAL_CENTRE", null,
                    "330000", "admin", null, register.now()), "admin", "-");
            register.given("HZ-BRANCH", new BranchRegistered("HZ-BRANCH", "Hangzhou", "MUNICIPAL_BRANCH",
                    "ZJ-CENTRE", "330100", "erin", "ZJ-CENTRE", register.now()), "erin", "ZJ-CENTRE");
            register.given("HZ-BRANCH", new OfficerAppointed("HZ-BRANCH", "alice", "Alice Wang", "erin", "ZJ-CENTRE",
                    register.now(), "alice-sub", List.of("OFFICER"), false), "erin", "ZJ-CENTRE");
            register.given("HZ-BRANCH", new OfficerAppointed("HZ-BRANCH", "bob", "Bob Chen", "erin", "ZJ-CENTRE",
                    register.now(), null, null, false), "erin", "ZJ-CENTRE");
            register.given("HZ-BRANCH", new OfficerSubjectBound("HZ-BRANCH", "alice", "alice-new", "erin",
                    "ZJ-CENTRE", register.now()), "erin", "ZJ-CENTRE");
            register.given("HZ-BRANCH", new OfficerRemoved("HZ-BRANCH", "bob", "left", "erin", "ZJ-CENTRE",
                    register.now()), "erin", "ZJ-CENTRE");
            register.given("HZ-BRANCH", new BranchSuspended("HZ-BRANCH", "audit", "erin", "ZJ-CENTRE",
                    register.now()), "erin", "ZJ-CENTRE");

            assertThat(register.rows("branch", "code")).extracting(b -> b.get("code"), b -> b.get("lineage"),
                    b -> b.get("status")).containsExactly(tuple("HZ-BRANCH", "/ZJ-CENTRE/HZ-BRANCH/", "SUSPENDED"),
                    tuple("ZJ-CENTRE", "/ZJ-CENTRE/", "ACTIVE"));
            assertThat(register.rows("provincial_centre", "code")).extracting(c -> c.get("code"))
                    .containsExactly("ZJ-CENTRE");
            assertThat(register.rows("branch_officer", "officer_id")).extracting(o -> o.get("officer_id"),
                    o -> o.get("roles")).containsExactly(tuple("alice", "OFFICER"));
            assertThat(register.rows("officer_subject", "officer_id")).extracting(o -> o.get("subject"))
                    .containsExactly("alice-new");
        }
    }

    @Test
    void each_person_has_one_account_and_each_account_signs_in_with_its_latest_subject() {
        try (ReadModelSpecification register = ReadModelSpecification.of(IdentityRegisterReadModel::declaration)) {
            register.given(ANNA, new AccountOpened(ANNA, "a".repeat(64), new Sealed("k", "a", "n", "c"), "alice",
                    "HZ-BRANCH", register.now()), "alice", "HZ-BRANCH");
            register.given(ANNE, new AccountOpened(ANNE, "b".repeat(64), new Sealed("k", "a", "n", "c"), "alice",
                    "HZ-BRANCH", register.now()), "alice", "HZ-BRANCH");
            register.given(ANNA, new SignInBound(ANNA, "anna", "alice", "HZ-BRANCH", register.now()), "alice",
                    "HZ-BRANCH");
            register.given(ANNA, new SignInBound(ANNA, "anna-2", "alice", "HZ-BRANCH", register.now()), "alice",
                    "HZ-BRANCH");
            // The subject moves to another account (the survivor of a merge inherits it): it leaves the first.
            register.given(ANNE, new SignInBound(ANNE, "anna-2", "erin", "ZJ-CENTRE", register.now()), "erin",
                    "ZJ-CENTRE");

            assertThat(register.rows("learner_identity", "learner_number")).extracting(i -> i.get("learner_number"))
                    .containsExactly(ANNA, ANNE);
            assertThat(register.rows("learner_sign_in", "subject")).extracting(s -> s.get("subject"),
                    s -> s.get("learner_number")).containsExactly(tuple("anna-2", ANNE));
        }
    }

    @Test
    void a_certificate_is_held_until_its_achievement_is_revoked_and_moves_with_a_merge() {
        try (ReadModelSpecification register = ReadModelSpecification.of(
                CertificateRegisterReadModel::declaration)) {
            register.given(ANNE, certificate(ANNE, "c-1", "VC-1"), "alice", "HZ-BRANCH");
            register.given(ANNE, certificate(ANNE, "c-2", "VC-2"), "alice", "HZ-BRANCH");
            register.given(ANNE, new AchievementRevoked(ANNE, "c-2", "forged", "bob", "HZ-BRANCH", register.now()),
                    "bob", "HZ-BRANCH");
            register.given(ANNA, new MergedAccountAbsorbed(ANNA, ANNE, "one person", List.of(), List.of(), "erin",
                    "ZJ-CENTRE", register.now()), "erin", "ZJ-CENTRE");

            assertThat(register.rows("certificate_holder", "certificate_key")).extracting(
                    c -> c.get("certificate_serial"), c -> c.get("learner_number"), c -> c.get("achievement_id"))
                    .containsExactly(tuple("VC-1", ANNA, "c-1"));
        }
    }

    private static AchievementRecorded certificate(String learner, String id, String serial) {
        return new AchievementRecorded(learner, id, "VOCATIONAL_CERTIFICATE", "Electrician", "MOHRSS", "MOHRSS",
                LocalDate.of(2025, 6, 30), "0".repeat(64), "application/pdf", null, new BigDecimal("12"),
                "BANK_CREDIT", null, 3, null, null, "MOHRSS", id, serial, "alice", "HZ-BRANCH", LocalDate.of(2026, 1, 1)
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }
}
