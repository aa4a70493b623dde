package org.creditbank.ledger.learner;

import org.creditbank.ledger.branch.DivisionCode;
import org.creditbank.ledger.rule.InvalidField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LearnerNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "440524188001010014"})
    void published_resident_identity_numbers_carry_valid_mod_11_2_check_characters(String number) {
        assertThat(new LearnerNumber(number).value()).isEqualTo(number);
    }

    @Test
    void the_check_character_is_computed_by_iso_7064_mod_11_2() {
        assertThat(Iso7064Mod11_2.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(Iso7064Mod11_2.checkCharacter("44052418800101001")).isEqualTo('4');
    }

    @Test
    void a_mistyped_number_is_refused_naming_the_expected_check_character() {
        assertThatThrownBy(() -> new LearnerNumber("110105194912310021"))
                .isInstanceOf(InvalidField.class)
                .hasMessage("learnerNumber: check character of 110105194912310021 should be X: the number is mistyped");
    }

    @Test
    void swapping_two_digits_is_caught() {
        assertThatThrownBy(() -> new LearnerNumber("10110519491231002X")).isInstanceOf(InvalidField.class);
    }

    @Test
    void a_number_of_the_wrong_length_or_form_is_refused() {
        assertThatThrownBy(() -> new LearnerNumber("12345")).hasMessageContaining("must have 18 characters, got 5");
        assertThatThrownBy(() -> new LearnerNumber("1101051949123100AX")).hasMessageContaining("17 digits");
        assertThatThrownBy(() -> new LearnerNumber(null)).hasMessageContaining("got nothing");
    }

    @Test
    void a_typed_lower_case_x_is_read_as_x() {
        assertThat(LearnerNumber.parse(" 11010519491231002x ").value()).isEqualTo("11010519491231002X");
    }

    @Test
    void an_issued_number_starts_with_the_division_and_verifies() {
        LearnerNumber number = LearnerNumber.issue(new DivisionCode("330106"), 42);
        assertThat(number.value()).startsWith("33010600000000042").hasSize(18);
        assertThat(new LearnerNumber(number.value())).isEqualTo(number);
        assertThat(number.division()).isEqualTo(new DivisionCode("330106"));
    }

    @Test
    void every_issued_number_verifies() {
        for (long serial = 1; serial <= 5_000; serial++) {
            LearnerNumber issued = LearnerNumber.issue(new DivisionCode("330100"), serial * 7919);
            assertThat(LearnerNumber.parse(issued.value())).isEqualTo(issued);
        }
    }
}
