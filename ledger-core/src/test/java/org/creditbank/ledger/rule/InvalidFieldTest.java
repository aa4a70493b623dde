package org.creditbank.ledger.rule;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Free text: what every name, title, reason and contact detail may hold. */
class InvalidFieldTest {

    @ParameterizedTest
    @ValueSource(chars = {'\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066',
            '\u2067', '\u2068', '\u2069'})
    void a_bidirectional_control_is_refused_naming_it_and_where_it_stands(char control) {
        assertThatThrownBy(() -> InvalidField.requireText("title", "Linear" + control + "Algebra"))
                .isInstanceOf(InvalidField.class)
                .hasMessage(String.format("title: must not contain bidirectional control characters, got U+%04X at"
                        + " position 7", (int) control));
        assertThatThrownBy(() -> InvalidField.optionalText("contact.address", control + "Ningbo", 1024))
                .hasMessageStartingWith("contact.address: must not contain bidirectional control characters");
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u0000', '\u0007', '\r', '\u001B', '\u007F', '\u0085', '\u009B'})
    void a_c0_or_c1_control_is_refused(char control) {
        assertThatThrownBy(() -> InvalidField.requireText("fullName", "Anna" + control + "Li"))
                .hasMessage("fullName: must not contain control characters");
    }

    @Test
    void letters_of_right_to_left_scripts_line_feeds_and_tabs_are_text() {
        assertThat(InvalidField.requireText("fullName", "سارا أحمد")).isEqualTo("سارا أحمد");
        assertThat(InvalidField.requireText("title", "אלגברה לינארית")).isEqualTo("אלגברה לינארית");
        assertThat(InvalidField.requireText("reason", "line one\n\tline two", 1024))
                .isEqualTo("line one\n\tline two");
        assertThat(InvalidField.requireText("fullName", "  Anna Li  ")).isEqualTo("Anna Li");
    }
}
