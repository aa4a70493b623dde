package org.creditbank.ledger.learner;

import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.learner.AccountCommands.OpenAccount;
import org.creditbank.ledger.rule.InvalidField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A resident ID is checked before an account is opened: its check character and the birth date it carries. */
class ResidentIdNumberTest {

    private static final ActingOfficer ALICE = new ActingOfficer("alice", "HZ-BRANCH");

    @Test
    void a_well_formed_resident_id_under_any_name_of_the_card_opens() {
        assertThatCode(() -> open("RESIDENT_ID", "11010519491231002X", "1949-12-31")).doesNotThrowAnyException();
        assertThatCode(() -> open("id card", "110105-19491231-002x", "1949-12-31")).doesNotThrowAnyException();
    }

    @Test
    void a_wrong_check_character_is_refused_naming_the_right_one() {
        assertThatThrownBy(() -> open("RESIDENT_ID", "110105194912310021", "1949-12-31"))
                .isInstanceOf(InvalidField.class)
                .hasMessage("idDocumentNumber: check character should be X: the number is mistyped");
        assertThatThrownBy(() -> open("ID_CARD", "110105194912310021", "1949-12-31"))
                .hasMessageStartingWith("idDocumentNumber: check character should be X");
    }

    @Test
    void a_number_of_another_length_or_form_is_refused() {
        assertThatThrownBy(() -> open("RESIDENT_ID", "T1234567890", "1949-12-31"))
                .hasMessage("idDocumentNumber: must have 18 characters, got 11");
        assertThatThrownBy(() -> open("RESIDENT_ID", "1101051949123100AX", "1949-12-31"))
                .hasMessage("idDocumentNumber: must be 17 digits followed by a digit or X");
    }

    @Test
    void a_birth_date_that_is_no_date_is_refused() {
        String body = "11010519491331002";
        assertThatThrownBy(() -> open("RESIDENT_ID", body + Iso7064Mod11_2.checkCharacter(body), "1949-12-31"))
                .hasMessage("idDocumentNumber: digits 7-14 must be a birth date (YYYYMMDD), got 19491331");
    }

    @Test
    void a_birth_date_other_than_the_numbers_is_refused_naming_the_birth_date() {
        assertThatThrownBy(() -> open("RESIDENT_ID", "11010519491231002X", "1950-01-01"))
                .isInstanceOf(InvalidField.class)
                .hasMessage("birthDate: must be the birth date the resident ID number carries, 1949-12-31;"
                        + " got 1950-01-01");
    }

    @Test
    void other_documents_are_not_read_as_resident_ids() {
        assertThatCode(() -> open("PASSPORT", "E1234567", "1990-01-02")).doesNotThrowAnyException();
    }

    private static OpenAccount open(String type, String number, String birthDate) {
        return new OpenAccount(new PersonalData("Anna Li", type, number, birthDate, null), null, ALICE);
    }
}
