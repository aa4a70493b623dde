package org.creditbank.ledger.learner;

import org.creditbank.ledger.access.Subject;
import org.creditbank.ledger.learner.AccountCommands.BindSignIn;
import org.creditbank.ledger.learner.AccountEvent.SignInBound;
import org.creditbank.ledger.learner.AccountRefusals.NotThisLearner;
import org.creditbank.ledger.learner.AccountRefusals.SignInBoundToAnotherAccount;

import org.creditbank.ledger.AccountSpecification;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.ActingOfficerRequired;
import org.creditbank.ledger.branch.BranchNotActive;
import org.creditbank.ledger.branch.BranchStatus;
import org.creditbank.ledger.branch.OfficerNotOfBranch;
import org.creditbank.ledger.learner.AccountCommands.CloseAccount;
import org.creditbank.ledger.learner.AccountCommands.OpenAccount;
import org.creditbank.ledger.learner.AccountCommands.UpdateContactDetails;
import org.creditbank.ledger.learner.AccountEvent.AccountClosed;
import org.creditbank.ledger.learner.AccountEvent.AccountMergedInto;
import org.creditbank.ledger.learner.AccountEvent.AccountOpened;
import org.creditbank.ledger.learner.AccountEvent.ContactDetailsUpdated;
import org.creditbank.ledger.learner.AccountRefusals.AccountIsClosed;
import org.creditbank.ledger.learner.AccountRefusals.AccountWasMerged;
import org.creditbank.ledger.learner.AccountRefusals.PersonAlreadyHasAccount;
import org.creditbank.ledger.rule.InvalidField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creditbank.ledger.TestNetwork.HANGZHOU;
import static org.creditbank.ledger.TestNetwork.XIHU;

class AccountRulesTest extends AccountSpecification {

    @Test
    void an_account_is_opened_with_a_number_from_the_opening_branchs_division() {
        LearnerNumber expected = LearnerNumber.issue(new org.creditbank.ledger.branch.DivisionCode("330106"), 1);
        fixture.givenNoPriorActivity()
                .when(new OpenAccount(ANNA_PERSON, null, DAVE))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(expected.value())
                .expectEvents(new AccountOpened(expected.value(), HASHER.hash(ANNA_PERSON),
                        VAULT.sealPerson(expected.value(), ANNA_PERSON), DAVE.officerId(), XIHU, NOW));
    }

    @Test
    void one_person_has_one_account() {
        identities.put(HASHER.hash(ANNA_PERSON), ANNA.value());
        fixture.givenNoPriorActivity()
                .when(new OpenAccount(ANNA_PERSON, null, ALICE))
                .expectException(PersonAlreadyHasAccount.class)
                .expectExceptionMessage("this person already has account " + ANNA.value())
                .expectNoEvents();
        assertThat(serials).hasValue(0);
    }

    @Test
    void the_identity_hash_is_keyed_and_ignores_case_spacing_and_the_cards_other_names() {
        PersonalData same = new PersonalData("A. Li", "resident_id", "11010519491231002x", "1949-12-31", null);
        assertThat(HASHER.hash(same)).isEqualTo(HASHER.hash(ANNA_PERSON));
        for (String type : new String[]{"ID_CARD", "id card", "Resident-ID", "RESIDENT_IDENTITY_CARD"}) {
            PersonalData typed = new PersonalData("Anna Li", type, "110105 19491231-002X", "1949-12-31", null);
            assertThat(HASHER.hash(typed)).as(type).isEqualTo(HASHER.hash(ANNA_PERSON));
        }
        assertThat(HASHER.hash(new PersonalData("Anna Li", "PASSPORT", "11010519491231002X", "1949-12-31", null)))
                .isNotEqualTo(HASHER.hash(ANNA_PERSON));
        assertThat(new IdentityHasher(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
                20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}).hash(ANNA_PERSON))
                .isNotEqualTo(HASHER.hash(ANNA_PERSON)).hasSize(64);
    }

    @Test
    void an_account_opened_before_types_were_canonical_under_another_name_of_the_card_is_found() {
        identities.put(new IdentityHasher(new byte[32]).formerHashes(ANNA_PERSON).get(0), ANNA.value());
        fixture.givenNoPriorActivity()
                .when(new OpenAccount(ANNA_PERSON, null, ALICE))
                .expectException(PersonAlreadyHasAccount.class)
                .expectNoEvents();
    }

    @Test
    void an_account_is_opened_only_by_an_officer_of_an_active_branch() {
        network.setStatus(HANGZHOU, BranchStatus.SUSPENDED);
        fixture.givenNoPriorActivity()
                .when(new OpenAccount(ANNA_PERSON, null, ALICE))
                .expectException(BranchNotActive.class)
                .expectNoEvents();
    }

    @Test
    void an_account_is_not_opened_without_an_acting_officer() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccount(ANNA_PERSON, null, ActingOfficer.installation()))
                .expectException(ActingOfficerRequired.class)
                .expectNoEvents();
    }

    @Test
    void an_officer_cannot_open_in_the_name_of_another_branch() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccount(ANNA_PERSON, null, new ActingOfficer(CAROL.officerId(), HANGZHOU)))
                .expectException(OfficerNotOfBranch.class)
                .expectNoEvents();
    }

    @Test
    void personal_data_is_validated_before_anything_happens() {
        assertThatThrownBy(() -> new PersonalData("Anna", "RESIDENT_ID", "X1", "31/12/1949", null))
                .isInstanceOf(InvalidField.class).hasMessageStartingWith("birthDate:");
        assertThatThrownBy(() -> new PersonalData(" ", "RESIDENT_ID", "X1", "1949-12-31", null))
                .hasMessage("fullName: is required");
        assertThatThrownBy(() -> new ContactDetails(null, "not-an-email", null))
                .hasMessage("contact.email: is not an e-mail address");
    }

    @Test
    void contact_details_are_replaced_by_an_event() {
        ContactDetails moved = new ContactDetails("+86 574 1111", null, "Ningbo");
        fixture.given(accountOpened(ANNA))
                .when(new UpdateContactDetails(ANNA, moved, CAROL, null))
                .expectEvents(new ContactDetailsUpdated(ANNA.value(), VAULT.sealContact(ANNA.value(), moved),
                        CAROL.officerId(), CAROL.branchCode(), NOW));
    }

    @Test
    void a_learner_signs_in_as_the_account_an_officer_of_the_opening_jurisdiction_bound_them_to() {
        fixture.given(accountOpened(ANNA))
                .when(new BindSignIn(ANNA, new Subject("anna-sub"), ALICE))
                .expectEvents(new SignInBound(ANNA.value(), "anna-sub", ALICE.officerId(), HANGZHOU, NOW));
        fixture.given(accountOpened(ANNA))
                .when(new BindSignIn(ANNA, new Subject("anna-sub"), CAROL))
                .expectException(org.creditbank.ledger.branch.OutsideJurisdiction.class)
                .expectNoEvents();
    }

    @Test
    void a_sign_in_is_bound_to_one_account() {
        signIns.put("anna-sub", BORIS.value());
        fixture.given(accountOpened(ANNA))
                .when(new BindSignIn(ANNA, new Subject("anna-sub"), ALICE))
                .expectException(SignInBoundToAnotherAccount.class)
                .expectExceptionMessage("subject anna-sub already signs in as learner " + BORIS.value())
                .expectNoEvents();
    }

    @Test
    void a_learner_keeps_their_own_contact_details_and_nobody_elses() {
        ContactDetails moved = new ContactDetails(null, "anna@example.org", null);
        fixture.given(accountOpened(ANNA), new SignInBound(ANNA.value(), "anna-sub", ALICE.officerId(), HANGZHOU,
                        NOW))
                .when(new UpdateContactDetails(ANNA, moved, null, new Subject("anna-sub")))
                .expectEvents(new ContactDetailsUpdated(ANNA.value(), VAULT.sealContact(ANNA.value(), moved),
                        LearnerAccount.LEARNER_SELF, null, NOW));
        fixture.given(accountOpened(ANNA), new SignInBound(ANNA.value(), "anna-sub", ALICE.officerId(), HANGZHOU,
                        NOW))
                .when(new UpdateContactDetails(ANNA, moved, null, new Subject("boris-sub")))
                .expectException(NotThisLearner.class)
                .expectNoEvents();
    }

    @Test
    void a_closed_account_keeps_its_history_and_takes_nothing_more() {
        fixture.given(accountOpened(ANNA))
                .when(new CloseAccount(ANNA, "deceased", ALICE))
                .expectEvents(new AccountClosed(ANNA.value(), "deceased", ALICE.officerId(), HANGZHOU, NOW));
        fixture.given(accountOpened(ANNA), new AccountClosed(ANNA.value(), "deceased", ALICE.officerId(),
                        HANGZHOU, NOW))
                .when(record(ANNA, "ach-00000001", course("LA-1"), ALICE))
                .expectException(AccountIsClosed.class)
                .expectNoEvents();
    }

    @Test
    void an_account_is_closed_only_within_the_opening_branchs_jurisdiction() {
        fixture.given(accountOpened(ANNA))
                .when(new CloseAccount(ANNA, "mischief", CAROL))
                .expectException(org.creditbank.ledger.branch.OutsideJurisdiction.class)
                .expectNoEvents();
        fixture.given(accountOpened(ANNA))
                .when(new CloseAccount(ANNA, "emigrated", ERIN))
                .expectEvents(new AccountClosed(ANNA.value(), "emigrated", ERIN.officerId(), ERIN.branchCode(), NOW));
    }

    @Test
    void a_merged_account_forwards_to_its_survivor() {
        fixture.given(accountOpened(BORIS), new AccountMergedInto(BORIS.value(), ANNA.value(), "same person",
                        ALICE.officerId(), HANGZHOU, NOW))
                .when(new UpdateContactDetails(BORIS, ContactDetails.NONE, ALICE, null))
                .expectException(AccountWasMerged.class)
                .expectExceptionMessage("account " + BORIS.value() + " was merged into account " + ANNA.value()
                        + "; act on that account")
                .expectNoEvents();
    }

    @Test
    void an_account_is_not_merged_into_itself() {
        assertThatThrownBy(() -> new AccountCommands.MergeAccounts(ANNA, ANNA, "dup", ALICE))
                .isInstanceOf(InvalidField.class)
                .hasMessage("merged: an account cannot be merged into itself");
    }
}
