package org.creditbank.ledger.branch;

import org.creditbank.ledger.rule.InvalidField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DivisionCodeTest {

    @Test
    void levels_follow_the_trailing_zeros() {
        assertThat(new DivisionCode("330000").level()).isEqualTo(1);
        assertThat(new DivisionCode("330100").level()).isEqualTo(2);
        assertThat(new DivisionCode("330106").level()).isEqualTo(3);
    }

    @Test
    void a_division_contains_what_lies_within_it() {
        assertThat(new DivisionCode("330000").contains(new DivisionCode("330106"))).isTrue();
        assertThat(new DivisionCode("330100").contains(new DivisionCode("330106"))).isTrue();
        assertThat(new DivisionCode("330100").contains(new DivisionCode("330203"))).isFalse();
        assertThat(new DivisionCode("330106").contains(new DivisionCode("330106"))).isTrue();
    }

    @Test
    void malformed_codes_are_refused() {
        assertThatThrownBy(() -> new DivisionCode("33010")).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new DivisionCode("000000")).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new DivisionCode("330006")).hasMessageContaining("county without a city");
    }
}
