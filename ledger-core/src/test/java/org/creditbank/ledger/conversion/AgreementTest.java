package org.creditbank.ledger.conversion;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.creditbank.ledger.AccountSpecification;
import org.creditbank.ledger.achievement.AchievementDetails;
import org.creditbank.ledger.branch.BranchCode;
import org.creditbank.ledger.branch.BranchTier;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.branch.OutsideJurisdiction;
import org.creditbank.ledger.conversion.AgreementEvent.AgreementConcluded;
import org.creditbank.ledger.conversion.AgreementEvent.AgreementWithdrawn;
import org.creditbank.ledger.conversion.CatalogueCommands.ConcludeAgreement;
import org.creditbank.ledger.conversion.CatalogueCommands.WithdrawAgreement;
import org.creditbank.ledger.conversion.ConversionCommands.ApplyForConversion;
import org.creditbank.ledger.conversion.ConversionEvent.Assessment;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionApplied;
import org.creditbank.ledger.conversion.ConversionRefusals.AgreementWithdrawnAlready;
import org.creditbank.ledger.rule.InvalidField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creditbank.ledger.TestNetwork.CENTRE;
import static org.creditbank.ledger.TestNetwork.HANGZHOU;
import static org.creditbank.ledger.TestNetwork.NINGBO;

/**
 * Mutual-recognition agreements: concluded above both parties, withdrawn by either side, and cited by a conversion
 * whose rule applies to learning from the other side.
 */
class AgreementTest extends AccountSpecification {

    static final String ZJU = "ZJU-BRANCH";
    static final String EE = "EE-BSC";
    static final String UNIT = "INSTITUTION:ZJU";
    static final LocalDate TODAY = LocalDate.parse("2026-03-01");
    static final String CERT = "ach-cert0001";
    /** Zhejiang University applies its electricians' rule to certificates recorded in Ningbo's region. */
    static final AgreementTerms ZJU_NINGBO = new AgreementTerms(ZJU, NINGBO, List.of("R-ELEC"), List.of(),
            LocalDate.parse("2026-01-01"), null);
    static final RuleCriteria ELECTRICIANS = new RuleCriteria(
            org.creditbank.ledger.achievement.AchievementKind.VOCATIONAL_CERTIFICATE, null, null, null, 3, null, null,
            null, null);

    @BeforeEach
    void institution() {
        network.add(ZJU, BranchTier.INSTITUTION_BRANCH, "330100", CENTRE);
        network.appoint("ivan", ZJU);
        catalogue.define(ZJU, EE, new ProgrammeTerms("Electrical Engineering", UNIT, new BigDecimal("160"),
                new BigDecimal("80"), null, null));
        catalogue.publish(new RuleVersion("R-ELEC", 1, ZJU, EE, ELECTRICIANS, new RuleGrant(UNIT,
                new BigDecimal("8"), null, List.of()), LocalDate.parse("2025-01-01"), null));
    }

    @Test
    void a_centre_above_both_parties_concludes_it_and_either_side_withdraws_it() {
        agreements().givenNoPriorActivity()
                .when(new ConcludeAgreement(new AgreementId("ZJU-NB"), ZJU_NINGBO, ERIN))
                .expectEvents(new AgreementConcluded("ZJU-NB", ZJU_NINGBO, "erin", CENTRE, NOW));
        // Hangzhou's branch is above neither Zhejiang University nor Ningbo.
        agreements().givenNoPriorActivity()
                .when(new ConcludeAgreement(new AgreementId("ZJU-NB"), ZJU_NINGBO, ALICE))
                .expectException(OutsideJurisdiction.class)
                .expectNoEvents();
        AgreementConcluded concluded = new AgreementConcluded("ZJU-NB", ZJU_NINGBO, "erin", CENTRE, NOW);
        agreements().given(concluded)
                .when(new WithdrawAgreement(new AgreementId("ZJU-NB"), LocalDate.parse("2027-01-01"), "ended", CAROL))
                .expectEvents(new AgreementWithdrawn("ZJU-NB", LocalDate.parse("2027-01-01"), "ended", "carol",
                        NINGBO, NOW));
        agreements().given(concluded)
                .when(new WithdrawAgreement(new AgreementId("ZJU-NB"), LocalDate.parse("2027-01-01"), "ended", DAVE))
                .expectException(OutsideJurisdiction.class)
                .expectNoEvents();
        agreements().given(concluded, new AgreementWithdrawn("ZJU-NB", LocalDate.parse("2027-01-01"), "ended",
                        "carol", NINGBO, NOW))
                .when(new WithdrawAgreement(new AgreementId("ZJU-NB"), LocalDate.parse("2027-01-01"), "again", ERIN))
                .expectException(AgreementWithdrawnAlready.class)
                .expectNoEvents();
    }

    @Test
    void each_party_accepts_its_own_published_rules() {
        // Ningbo would apply Zhejiang University's rule: not a rule of Ningbo's or of an institution within it.
        agreements().givenNoPriorActivity()
                .when(new ConcludeAgreement(new AgreementId("ZJU-NB"), new AgreementTerms(ZJU, NINGBO, List.of(),
                        List.of("R-ELEC"), LocalDate.parse("2026-01-01"), null), ERIN))
                .expectException(ConversionRefusals.NotPartysRule.class)
                .expectExceptionMessage("rule R-ELEC is ZJU-BRANCH's, not a rule of NB-BRANCH or of an institution"
                        + " within it: a party accepts learning under its own rules")
                .expectNoEvents();
        agreements().givenNoPriorActivity()
                .when(new ConcludeAgreement(new AgreementId("ZJU-NB"), new AgreementTerms(ZJU, NINGBO,
                        List.of("R-NEVER"), List.of(), LocalDate.parse("2026-01-01"), null), ERIN))
                .expectException(ConversionRefusals.UnknownRule.class)
                .expectNoEvents();
        // A region accepts the rules of an institution within it: the centre's region holds Zhejiang University.
        agreements().givenNoPriorActivity()
                .when(new ConcludeAgreement(new AgreementId("ZJ-NB"), new AgreementTerms(CENTRE, NINGBO,
                        List.of("R-ELEC"), List.of(), LocalDate.parse("2026-01-01"), null), ERIN))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_conversion_cites_the_agreement_under_which_its_rule_applies_to_where_the_source_was_recorded() {
        catalogue.conclude(new AgreementVersion("ZJU-NB", ZJU_NINGBO, null));
        AchievementDetails certificate = vocationalCertificate("E-1", "VC-1");
        // Recorded in Ningbo: the agreement applies.
        fixture.given(accountOpened(ANNA), recorded(ANNA, CERT, certificate, CAROL),
                        certified(ANNA, CERT, certificate, ERIN))
                .when(apply())
                .expectEvents(applied("ZJU-NB"));
        // Recorded in Hangzhou: the rule still takes it, under no agreement.
        fixture.given(accountOpened(ANNA), recorded(ANNA, CERT, certificate, ALICE),
                        certified(ANNA, CERT, certificate, BOB))
                .when(apply())
                .expectEvents(applied(null));
    }

    @Test
    void a_withdrawn_agreement_is_cited_no_more_and_an_agreement_is_between_two() {
        catalogue.conclude(new AgreementVersion("ZJU-NB", ZJU_NINGBO, LocalDate.parse("2026-03-01")));
        AchievementDetails certificate = vocationalCertificate("E-1", "VC-1");
        fixture.given(accountOpened(ANNA), recorded(ANNA, CERT, certificate, CAROL),
                        certified(ANNA, CERT, certificate, ERIN))
                .when(apply())
                .expectEvents(applied(null));
        assertThatThrownBy(() -> new AgreementTerms(ZJU, ZJU, List.of("R-ELEC"), List.of(), TODAY, null))
                .isInstanceOf(InvalidField.class).hasMessage("second: is the first party: an agreement is between two");
    }

    private AggregateTestFixture<RecognitionAgreement> agreements() {
        AggregateTestFixture<RecognitionAgreement> agreements = new AggregateTestFixture<>(RecognitionAgreement.class);
        agreements.registerInjectableResource(new Jurisdiction(network));
        agreements.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        agreements.registerInjectableResource(catalogue);
        return agreements;
    }

    private static ApplyForConversion apply() {
        return new ApplyForConversion(ANNA, "app-00000001", new BranchCode(ZJU), EE, List.of(CERT), ALICE, null);
    }

    private static ConversionApplied applied(String agreement) {
        return new ConversionApplied(ANNA.value(), "app-00000001", ZJU, EE, TODAY, List.of(new Assessment(CERT,
                "R-ELEC", 1, agreement, new BigDecimal("8"), UNIT, null, List.of(), null)), "alice", HANGZHOU, NOW);
    }
}
