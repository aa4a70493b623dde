package org.creditbank.ledger;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.creditbank.ledger.achievement.AchievementCommands.CertifyAchievement;
import org.creditbank.ledger.achievement.AchievementCommands.RecordAchievement;
import org.creditbank.ledger.achievement.AchievementDetails;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCertified;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRecorded;
import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.achievement.CertificateRegister;
import org.creditbank.ledger.achievement.Credits;
import org.creditbank.ledger.achievement.Evidence;
import org.creditbank.ledger.achievement.ExternalReference;
import org.creditbank.ledger.achievement.Result;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.DivisionCode;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.conversion.ConversionCalendar;
import org.creditbank.ledger.learner.AccountEvent.AccountOpened;
import org.creditbank.ledger.learner.AccountMerging;
import org.creditbank.ledger.learner.AccountOpening;
import org.creditbank.ledger.learner.ContactDetails;
import org.creditbank.ledger.learner.IdentityHasher;
import org.creditbank.ledger.learner.IdentityRegister;
import org.creditbank.ledger.learner.LearnerAccount;
import org.creditbank.ledger.learner.LearnerNumber;
import org.creditbank.ledger.learner.PersonalData;
import org.junit.jupiter.api.BeforeEach;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.creditbank.ledger.TestNetwork.*;

/**
 * The shared vocabulary of the account and achievement specifications: a fixture wired with the standard network,
 * and factory methods so each test reads as three lines of domain language.
 */
public abstract class AccountSpecification {

    protected static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    protected static final ActingOfficer ALICE = new ActingOfficer(ALICE_AT_HANGZHOU, HANGZHOU);
    protected static final ActingOfficer BOB = new ActingOfficer(BOB_AT_HANGZHOU, HANGZHOU);
    protected static final ActingOfficer CAROL = new ActingOfficer(CAROL_AT_NINGBO, NINGBO);
    protected static final ActingOfficer DAVE = new ActingOfficer(DAVE_AT_XIHU, XIHU);
    protected static final ActingOfficer ERIN = new ActingOfficer(ERIN_AT_CENTRE, CENTRE);

    protected static final LearnerNumber ANNA = LearnerNumber.issue(new DivisionCode("330100"), 1);
    protected static final LearnerNumber BORIS = LearnerNumber.issue(new DivisionCode("330100"), 2);
    protected static final PersonalData ANNA_PERSON = new PersonalData("Anna Li", "RESIDENT_ID",
            "11010519491231002X", "1949-12-31", new ContactDetails("+86 571 0000", "anna@example.org", null));
    protected static final IdentityHasher HASHER = new IdentityHasher(new byte[32]);
    protected static final TestVault VAULT = new TestVault();

    protected final TestNetwork network = TestNetwork.standard();
    protected final Map<String, String> identities = new HashMap<>();
    protected final Map<String, String> signIns = new HashMap<>();
    protected final Map<String, String> certificateHolders = new HashMap<>();
    protected final List<CertificateRegister.RefusedClaim> flaggedClaims = new ArrayList<>();
    protected final AtomicLong serials = new AtomicLong(0);
    protected final TestCatalogue catalogue = new TestCatalogue();
    protected final TestPointsLedger points = new TestPointsLedger();
    /** The ledger's time zone in the specifications: the province's. */
    protected static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    protected AggregateTestFixture<LearnerAccount> fixture;

    @BeforeEach
    void wireFixture() {
        fixture = new AggregateTestFixture<>(LearnerAccount.class);
        Jurisdiction jurisdiction = new Jurisdiction(network);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        fixture.registerInjectableResource(jurisdiction);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new CertificateRegister() {
            @Override
            public Optional<String> holderOf(String serial) {
                return Optional.ofNullable(certificateHolders.get(serial));
            }

            @Override
            public void flagRefusedClaim(RefusedClaim claim) {
                flaggedClaims.add(claim);
            }
        });
        IdentityRegister identityRegister = new IdentityRegister() {
            @Override
            public Optional<String> accountFor(String identityHash) {
                return Optional.ofNullable(identities.get(identityHash));
            }

            @Override
            public Optional<String> accountSignedInBy(String subject) {
                return Optional.ofNullable(signIns.get(subject));
            }
        };
        fixture.registerInjectableResource(identityRegister);
        fixture.registerInjectableResource(VAULT);
        fixture.registerInjectableResource(catalogue);
        fixture.registerInjectableResource(points);
        fixture.registerInjectableResource(new ConversionCalendar(ZONE));
        fixture.registerAnnotatedCommandHandler(new AccountOpening(fixture.getRepository(), jurisdiction,
                identityRegister, HASHER, division -> LearnerNumber.issue(division, serials.incrementAndGet()),
                VAULT, clock));
        // Merges in a specification move no group: the points ledger given names none.
        fixture.registerAnnotatedCommandHandler(new AccountMerging(fixture.getRepository(),
                org.axonframework.eventsourcing.EventSourcingRepository.builder(
                        org.creditbank.ledger.group.LearningGroup.class).eventStore(
                        org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder().storageEngine(
                                new org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine())
                                .build()).build(), jurisdiction, clock));
    }

    protected static AccountOpened accountOpened(LearnerNumber learner) {
        return new AccountOpened(learner.value(), HASHER.hash(ANNA_PERSON),
                VAULT.sealPerson(learner.value(), ANNA_PERSON), ALICE.officerId(), ALICE.branchCode(), NOW);
    }

    protected static AchievementDetails course(String externalId) {
        return new AchievementDetails(AchievementKind.ACADEMIC_COURSE, "Linear Algebra", "Zhejiang University",
                null, LocalDate.parse("2025-06-30"), evidence(), new Credits(new BigDecimal("3.5"), "BANK_CREDIT"),
                6, null, new Result("PERCENT", "91"), new ExternalReference("ZJU", externalId), null);
    }

    protected static AchievementDetails vocationalCertificate(String externalId, String serial) {
        return new AchievementDetails(AchievementKind.VOCATIONAL_CERTIFICATE, "Electrician", "Ministry of Labour",
                "Skills Assessment Centre", LocalDate.parse("2024-11-02"), evidence(),
                new Credits(new BigDecimal("12"), "BANK_CREDIT"), 4, 3, new Result("PASS_FAIL", "PASS"),
                new ExternalReference("MOHRSS", externalId), serial);
    }

    protected static Evidence evidence() {
        return new Evidence("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "application/pdf",
                null);
    }

    protected static RecordAchievement record(LearnerNumber learner, String id, AchievementDetails details,
                                              ActingOfficer actor) {
        return new RecordAchievement(learner, id, details, actor);
    }

    protected static AchievementRecorded recorded(LearnerNumber learner, String id, AchievementDetails d,
                                                  ActingOfficer actor) {
        return new AchievementRecorded(learner.value(), id, d.kind().name(), d.title(), d.awardingBody(),
                d.assessingBody(), d.achievedOn(), d.evidence().sha256(), d.evidence().mediaType(),
                d.evidence().location(), d.credits().amount(), d.credits().unit(), d.qualificationLevel(),
                d.vocationalLevel(), d.result() == null ? null : d.result().scheme(),
                d.result() == null ? null : d.result().value(), d.externalReference().issuer(),
                d.externalReference().id(), d.certificateSerial(), actor.officerId(), actor.branchCode(), NOW);
    }

    protected static CertifyAchievement certify(LearnerNumber learner, String id, ActingOfficer actor) {
        return new CertifyAchievement(learner, id, actor);
    }

    protected static AchievementCertified certified(LearnerNumber learner, String id, AchievementDetails d,
                                                    ActingOfficer actor) {
        return new AchievementCertified(learner.value(), id, actor.officerId(), actor.branchCode(),
                d.credits().amount(), d.credits().unit(), NOW);
    }
}
