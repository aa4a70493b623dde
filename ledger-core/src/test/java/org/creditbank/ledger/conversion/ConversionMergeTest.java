package org.creditbank.ledger.conversion;

import org.creditbank.ledger.AccountSpecification;
import org.creditbank.ledger.achievement.AchievementBook;
import org.creditbank.ledger.achievement.AchievementDetails;
import org.creditbank.ledger.achievement.AchievementEvent;
import org.creditbank.ledger.branch.BranchProfile;
import org.creditbank.ledger.branch.BranchTier;
import org.creditbank.ledger.conversion.ConversionEvent.Assessment;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionApplied;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionGranted;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionInvalidated;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionRefused;
import org.creditbank.ledger.conversion.ConversionEvent.SourceGrant;
import org.creditbank.ledger.learner.LearnerNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.creditbank.ledger.TestNetwork.CENTRE;
import static org.creditbank.ledger.TestNetwork.HANGZHOU;

/**
 * A merge carries the merged account's conversions to the survivor: they count there as if made there, and a carried
 * grant that would count twice or pass a cap is invalidated with cause {@code MERGED}, never dropped unsaid.
 */
class ConversionMergeTest extends AccountSpecification {

    private static final String ZJU = ConversionTest.ZJU;
    private static final String EE = ConversionTest.EE;
    private static final String UNIT = ConversionTest.UNIT;
    private static final Instant LATER = NOW.plusSeconds(3600);

    private final ConversionBook survivor = new ConversionBook();
    private final AchievementBook survivorAchievements = new AchievementBook();
    private final ConversionBook merged = new ConversionBook();
    private final AchievementBook mergedAchievements = new AchievementBook();
    private Function<String, List<String>> lineage;

    @BeforeEach
    void institution() {
        network.add(ZJU, BranchTier.INSTITUTION_BRANCH, "330100", CENTRE);
        catalogue.define(ZJU, EE, new ProgrammeTerms("Electrical Engineering", UNIT, new BigDecimal("160"),
                new BigDecimal("16"), null, null));
        lineage = code -> network.find(code).map(BranchProfile::lineage).orElse(List.of(code));
    }

    @Test
    void every_application_is_carried_with_its_history_and_counts_on_the_survivor_as_if_made_there() {
        certifiedOn(BORIS, mergedAchievements, "ach-cert0001", "VC-1");
        certifiedOn(BORIS, mergedAchievements, "ach-cert0002", "VC-2");
        fold(merged, applied(BORIS, "app-00000001", "ach-cert0001"), granted(BORIS, "app-00000001", "ach-cert0001",
                "EE101"));
        fold(merged, applied(BORIS, "app-00000002", "ach-cert0002"), new ConversionRefused(BORIS.value(),
                "app-00000002", ZJU, EE, "documents missing", "ivan", ZJU, NOW));
        fold(merged, applied(BORIS, "app-00000003", "ach-cert0002"));
        // The survivor already has an application of the first one's id.
        certifiedOn(ANNA, survivorAchievements, "ach-own00001", "VC-9");
        fold(survivor, applied(ANNA, "app-00000001", "ach-own00001"));

        ConversionsCarried carried = merge(List.of());
        assertThat(carried.applications()).extracting(ConversionsCarried.CarriedApplication::applicationId)
                .containsExactly(BORIS.value() + "-app-00000001", "app-00000002", "app-00000003");
        List<ConversionInvalidated> conflicts = survivor.mergeConflicts(carried, survivorAchievements, catalogue,
                lineage);
        assertThat(conflicts).isEmpty();
        survivor.on(carried);

        // The carried grant counts toward the programme on the survivor, under its id there.
        assertThat(survivor.lines(ZJU, EE, UNIT, survivorAchievements, lineage)).extracting(CreditLine::achievementId,
                CreditLine::application, CreditLine::course).containsExactly(tuple("ach-cert0001",
                BORIS.value() + "-app-00000001", "EE101"));
        // Revoking its source on the survivor invalidates it there; the undecided one is decided there.
        assertThat(survivor.invalidatedBy(ANNA.value(), "ach-cert0001", "REVOKED", "forged", "bob", HANGZHOU, LATER))
                .extracting(ConversionInvalidated::applicationId).containsExactly(BORIS.value() + "-app-00000001");
        assertThat(survivor.require(ANNA.value(), "app-00000003").learnerNumber()).isEqualTo(ANNA.value());
    }

    @Test
    void a_carried_grant_whose_course_already_counts_on_the_survivor_is_invalidated_as_merged() {
        certifiedOn(ANNA, survivorAchievements, "ach-own00001", "VC-9");
        fold(survivor, applied(ANNA, "app-00000009", "ach-own00001"), granted(ANNA, "app-00000009", "ach-own00001",
                "EE101"));
        certifiedOn(BORIS, mergedAchievements, "ach-cert0001", "VC-1");
        fold(merged, applied(BORIS, "app-00000001", "ach-cert0001"), granted(BORIS, "app-00000001", "ach-cert0001",
                "EE101"));

        ConversionsCarried carried = merge(List.of());
        assertThat(survivor.mergeConflicts(carried, survivorAchievements, catalogue, lineage))
                .extracting(ConversionInvalidated::applicationId, ConversionInvalidated::causeAchievementId,
                        ConversionInvalidated::causeAct, ConversionInvalidated::causeReason)
                .containsExactly(tuple("app-00000001", "ach-cert0001", "MERGED", "course EE101 already counts toward"
                        + " programme EE-BSC on account " + ANNA.value() + ": a course counts once"));
    }

    @Test
    void a_carried_grant_whose_source_the_survivor_holds_already_is_invalidated_as_merged() {
        certifiedOn(ANNA, survivorAchievements, "ach-own00001", "VC-1");
        certifiedOn(BORIS, mergedAchievements, "ach-cert0001", "VC-1");
        fold(merged, applied(BORIS, "app-00000001", "ach-cert0001"), granted(BORIS, "app-00000001", "ach-cert0001",
                "EE101"));

        List<String> superseded = survivorAchievements.duplicatesAmong(mergedAchievements.standings());
        assertThat(superseded).containsExactly("ach-cert0001");
        ConversionsCarried carried = merge(superseded);
        assertThat(survivor.mergeConflicts(carried, survivorAchievements, catalogue, lineage))
                .extracting(ConversionInvalidated::causeAchievementId, ConversionInvalidated::causeReason)
                .containsExactly(tuple("ach-cert0001", "account " + BORIS.value() + " was merged into "
                        + ANNA.value() + ", which holds the same achievement: it counts toward programme EE-BSC"
                        + " once, through the survivor's own"));
    }

    @Test
    void carried_grants_fill_the_transfer_cap_exactly_and_the_one_past_it_is_invalidated_as_merged() {
        certifiedOn(ANNA, survivorAchievements, "ach-own00001", "VC-9");
        fold(survivor, applied(ANNA, "app-00000009", "ach-own00001"), granted(ANNA, "app-00000009", "ach-own00001",
                "EE101"));
        certifiedOn(BORIS, mergedAchievements, "ach-cert0001", "VC-1");
        certifiedOn(BORIS, mergedAchievements, "ach-cert0002", "VC-2");
        fold(merged, applied(BORIS, "app-00000001", "ach-cert0001"), granted(BORIS, "app-00000001", "ach-cert0001",
                "EE102"));
        fold(merged, applied(BORIS, "app-00000002", "ach-cert0002"), granted(BORIS, "app-00000002", "ach-cert0002",
                "EE103"));

        // 8 on the survivor and 8 carried make the cap of 16 exactly; the next 8 would pass it.
        ConversionsCarried carried = merge(List.of());
        assertThat(survivor.mergeConflicts(carried, survivorAchievements, catalogue, lineage))
                .extracting(ConversionInvalidated::applicationId, ConversionInvalidated::causeReason)
                .containsExactly(tuple("app-00000002", "with it, programme EE-BSC would hold more than its transfer"
                        + " cap once the accounts are merged: the programme's cap is 16 INSTITUTION:ZJU"));
    }

    /** Boris's account merged into Anna's: the achievements taken in, then the conversions as Anna's takes them. */
    private ConversionsCarried merge(List<String> superseded) {
        survivorAchievements.absorb(mergedAchievements.standings(), superseded);
        ConversionsCarried handed = merged.handOn(BORIS.value(), ANNA.value(), "alice", HANGZHOU, LATER);
        return survivor.carry(handed, survivorAchievements);
    }

    private static void certifiedOn(LearnerNumber learner, AchievementBook book, String id, String serial) {
        AchievementDetails details = vocationalCertificate("E-" + serial, serial);
        book.on((AchievementEvent) recorded(learner, id, details, ALICE));
        book.on((AchievementEvent) certified(learner, id, details, BOB));
    }

    private static void fold(ConversionBook book, ConversionEvent... events) {
        for (ConversionEvent event : events) {
            book.on(event);
        }
    }

    private static ConversionApplied applied(LearnerNumber learner, String id, String source) {
        return new ConversionApplied(learner.value(), id, ZJU, EE, ConversionTest.TODAY, List.of(new Assessment(
                source, "R-ELEC", 1, null, new BigDecimal("8"), UNIT, null, List.of(), null)), "alice", HANGZHOU,
                NOW);
    }

    /** Granted: 8 credits exempting one course. */
    private static ConversionGranted granted(LearnerNumber learner, String id, String source, String course) {
        return new ConversionGranted(learner.value(), id, ZJU, EE, List.of(new SourceGrant(source,
                "Ministry of Labour", "R-ELEC", 1, null, new BigDecimal("8"), UNIT, null, List.of(
                new RuleGrant.Exemption(course, new BigDecimal("8"))))), List.of(), new BigDecimal("8"), UNIT,
                ConversionTest.TODAY, "ivan", ZJU, NOW);
    }
}
