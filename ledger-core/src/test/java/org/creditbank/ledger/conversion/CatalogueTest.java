package org.creditbank.ledger.conversion;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.creditbank.ledger.TestCatalogue;
import org.creditbank.ledger.TestNetwork;
import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.BranchCode;
import org.creditbank.ledger.branch.BranchTier;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.branch.OutsideJurisdiction;
import org.creditbank.ledger.conversion.CatalogueCommands.AmendRule;
import org.creditbank.ledger.conversion.CatalogueCommands.DefineProgramme;
import org.creditbank.ledger.conversion.CatalogueCommands.PublishRule;
import org.creditbank.ledger.conversion.CatalogueCommands.RuleTerms;
import org.creditbank.ledger.conversion.CatalogueCommands.WithdrawRule;
import org.creditbank.ledger.conversion.CatalogueEvent.ProgrammeDefined;
import org.creditbank.ledger.conversion.CatalogueEvent.RecognitionRuleAmended;
import org.creditbank.ledger.conversion.CatalogueEvent.RecognitionRulePublished;
import org.creditbank.ledger.conversion.CatalogueEvent.RecognitionRuleWithdrawn;
import org.creditbank.ledger.conversion.ConversionRefusals.AmendmentNotLater;
import org.creditbank.ledger.conversion.ConversionRefusals.NotAnInstitution;
import org.creditbank.ledger.conversion.ConversionRefusals.ProgrammeAlreadyDefined;
import org.creditbank.ledger.conversion.ConversionRefusals.RuleAlreadyPublished;
import org.creditbank.ledger.conversion.ConversionRefusals.RuleWithdrawn;
import org.creditbank.ledger.conversion.ConversionRefusals.UnitMismatch;
import org.creditbank.ledger.conversion.ConversionRefusals.UnknownProgramme;
import org.creditbank.ledger.conversion.ConversionRefusals.UnknownRule;
import org.creditbank.ledger.rule.InvalidField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creditbank.ledger.TestNetwork.CENTRE;
import static org.creditbank.ledger.TestNetwork.HANGZHOU;

/** An institution's catalogue: programmes, and recognition rules published, amended and withdrawn. */
class CatalogueTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final String ZJU = "ZJU-BRANCH";
    private static final String EE = "EE-BSC";
    private static final String UNIT = "INSTITUTION:ZJU";
    private static final ActingOfficer IVAN = new ActingOfficer("ivan", ZJU);
    private static final ActingOfficer ERIN = new ActingOfficer(TestNetwork.ERIN_AT_CENTRE, CENTRE);
    private static final ActingOfficer ALICE = new ActingOfficer(TestNetwork.ALICE_AT_HANGZHOU, HANGZHOU);
    private static final RuleCriteria ELECTRICIANS = new RuleCriteria(AchievementKind.VOCATIONAL_CERTIFICATE, "VC",
            null, null, 3, null, null, null, null);
    private static final RuleGrant EIGHT = new RuleGrant(UNIT, new BigDecimal("8"), "EE101", List.of());
    private static final RuleTerms TERMS = new RuleTerms(ELECTRICIANS, EIGHT, LocalDate.parse("2026-01-01"), null);

    private final TestNetwork network = TestNetwork.standard();
    private final TestCatalogue catalogue = new TestCatalogue();

    @BeforeEach
    void wire() {
        network.add(ZJU, BranchTier.INSTITUTION_BRANCH, "330100", HANGZHOU);
        network.appoint("ivan", ZJU);
        catalogue.define(ZJU, EE, new ProgrammeTerms("Electrical Engineering", UNIT, new BigDecimal("160"),
                new BigDecimal("80"), null, null));
    }

    /** A fixture of its own for each scenario: one rule's stream. */
    private AggregateTestFixture<RecognitionRule> rules() {
        return wired(new AggregateTestFixture<>(RecognitionRule.class));
    }

    /** A fixture of its own for each scenario: one programme's stream. */
    private AggregateTestFixture<Programme> programmes() {
        return wired(new AggregateTestFixture<>(Programme.class));
    }

    private <T> AggregateTestFixture<T> wired(AggregateTestFixture<T> fixture) {
        fixture.registerInjectableResource(new Jurisdiction(network));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(catalogue);
        return fixture;
    }

    @Test
    void an_institution_defines_a_programme_once() {
        ProgrammeTerms terms = new ProgrammeTerms("Electrical Engineering", UNIT, new BigDecimal("160"),
                new BigDecimal("80"), new BigDecimal("30"), new BigDecimal("40"));
        programmes().givenNoPriorActivity()
                .when(new DefineProgramme(new ProgrammeId(new BranchCode(ZJU), EE), terms, IVAN))
                .expectEvents(new ProgrammeDefined(ZJU, EE, "Electrical Engineering", UNIT, new BigDecimal("160"),
                        new BigDecimal("80"), new BigDecimal("30"), new BigDecimal("40"), "ivan", ZJU, NOW));
        programmes().given(new ProgrammeDefined(ZJU, EE, "Electrical Engineering", UNIT, new BigDecimal("160"),
                        new BigDecimal("80"), null, null, "ivan", ZJU, NOW))
                .when(new DefineProgramme(new ProgrammeId(new BranchCode(ZJU), EE), terms, IVAN))
                .expectException(ProgrammeAlreadyDefined.class)
                .expectNoEvents();
        programmes().givenNoPriorActivity()
                .when(new DefineProgramme(new ProgrammeId(new BranchCode(HANGZHOU), EE), terms, ALICE))
                .expectException(NotAnInstitution.class)
                .expectNoEvents();
    }

    @Test
    void a_programme_transfers_no_more_than_it_takes() {
        assertThatThrownBy(() -> new ProgrammeTerms("EE", UNIT, new BigDecimal("160"), new BigDecimal("161"), null,
                null)).isInstanceOf(InvalidField.class)
                .hasMessage("transferCap: must not exceed the programme's total credits 160");
    }

    @Test
    void the_institution_or_a_branch_above_it_publishes_a_rule() {
        rules().givenNoPriorActivity()
                .when(publish(IVAN))
                .expectEvents(published("ivan", ZJU));
        // Hangzhou's branch is above the institution; the centre is above both.
        rules().givenNoPriorActivity().when(publish(ALICE)).expectEvents(published("alice", HANGZHOU));
        rules().givenNoPriorActivity().when(publish(ERIN)).expectEvents(published("erin", CENTRE));
        rules().givenNoPriorActivity()
                .when(publish(new ActingOfficer(TestNetwork.CAROL_AT_NINGBO, TestNetwork.NINGBO)))
                .expectException(OutsideJurisdiction.class)
                .expectNoEvents();
        rules().given(published("ivan", ZJU))
                .when(publish(IVAN))
                .expectException(RuleAlreadyPublished.class)
                .expectNoEvents();
    }

    @Test
    void a_rule_grants_in_its_programmes_unit_toward_a_defined_programme() {
        RuleGrant ects = new RuleGrant("ECTS", new BigDecimal("8"), null, List.of());
        rules().givenNoPriorActivity()
                .when(new PublishRule(new RuleId("R-ELEC"), new BranchCode(ZJU), EE,
                        new RuleTerms(ELECTRICIANS, ects, LocalDate.parse("2026-01-01"), null), IVAN))
                .expectException(UnitMismatch.class)
                .expectExceptionMessage("programme EE-BSC counts credits in INSTITUTION:ZJU; a rule toward it cannot"
                        + " grant ECTS")
                .expectNoEvents();
        rules().givenNoPriorActivity()
                .when(new PublishRule(new RuleId("R-ELEC"), new BranchCode(ZJU), "ME-BSC", TERMS, IVAN))
                .expectException(UnknownProgramme.class)
                .expectNoEvents();
    }

    @Test
    void an_amendment_is_the_next_version_from_a_later_date_and_a_withdrawn_rule_stays_withdrawn() {
        RuleTerms later = new RuleTerms(ELECTRICIANS, new RuleGrant(UNIT, new BigDecimal("6"), "EE101", List.of()),
                LocalDate.parse("2026-09-01"), null);
        rules().given(published("ivan", ZJU))
                .when(new AmendRule(new RuleId("R-ELEC"), later, "fewer credits from the autumn term", IVAN))
                .expectEvents(new RecognitionRuleAmended("R-ELEC", 2, ZJU, EE, ELECTRICIANS, later.grant(),
                        LocalDate.parse("2026-09-01"), null, "fewer credits from the autumn term", "ivan", ZJU, NOW));
        rules().given(published("ivan", ZJU))
                .when(new AmendRule(new RuleId("R-ELEC"), TERMS, "same date", IVAN))
                .expectException(AmendmentNotLater.class)
                .expectNoEvents();
        rules().given(published("ivan", ZJU))
                .when(new WithdrawRule(new RuleId("R-ELEC"), LocalDate.parse("2026-06-01"), "programme closing",
                        IVAN))
                .expectEvents(new RecognitionRuleWithdrawn("R-ELEC", 1, ZJU, EE, LocalDate.parse("2026-06-01"),
                        "programme closing", "ivan", ZJU, NOW));
        rules().given(published("ivan", ZJU), new RecognitionRuleWithdrawn("R-ELEC", 1, ZJU, EE,
                        LocalDate.parse("2026-06-01"), "programme closing", "ivan", ZJU, NOW))
                .when(new AmendRule(new RuleId("R-ELEC"), later, "again", IVAN))
                .expectException(RuleWithdrawn.class)
                .expectNoEvents();
        rules().givenNoPriorActivity()
                .when(new WithdrawRule(new RuleId("R-NONE"), LocalDate.parse("2026-06-01"), "never was", IVAN))
                .expectException(UnknownRule.class)
                .expectNoEvents();
    }

    @Test
    void a_grant_is_credits_or_exempted_courses_never_both() {
        assertThatThrownBy(() -> new RuleGrant(UNIT, new BigDecimal("8"), null,
                List.of(new RuleGrant.Exemption("EE101", BigDecimal.ONE))))
                .isInstanceOf(InvalidField.class)
                .hasMessageContaining("a rule grants credits or exempts courses");
        assertThat(new RuleGrant(UNIT, null, null, List.of(new RuleGrant.Exemption("EE101", new BigDecimal("3.5")),
                new RuleGrant.Exemption("EE102", new BigDecimal("4.5")))).total()).isEqualByComparingTo("8");
        assertThatThrownBy(() -> new RuleTerms(ELECTRICIANS, EIGHT, LocalDate.parse("2026-01-01"),
                LocalDate.parse("2025-12-31"))).isInstanceOf(InvalidField.class)
                .hasMessage("effectiveUntil: is before effectiveFrom 2026-01-01");
    }

    private static PublishRule publish(ActingOfficer actor) {
        return new PublishRule(new RuleId("R-ELEC"), new BranchCode(ZJU), EE, TERMS, actor);
    }

    private static RecognitionRulePublished published(String officer, String branch) {
        return new RecognitionRulePublished("R-ELEC", 1, ZJU, EE, ELECTRICIANS, EIGHT, LocalDate.parse("2026-01-01"),
                null, officer, branch, NOW);
    }
}
