package org.creditbank.ledger.api.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every CSV opens in a spreadsheet without running a formula a learner or an officer typed. */
class SpreadsheetCsvTest {

    @Test
    void text_that_would_start_a_formula_gets_a_quote_before_it() {
        for (String formula : List.of("=1+1", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "-", "=HYPERLINK(\"x\")")) {
            assertThat(SpreadsheetCsv.cell(formula)).isEqualTo("'" + formula);
        }
    }

    @Test
    void decimals_even_negative_ones_and_other_text_stay_as_they_are() {
        for (String value : List.of("-2", "-2.50", "15.5", "0", "Linear Algebra", "a=b", "", "2025-06-30")) {
            assertThat(SpreadsheetCsv.cell(value)).isEqualTo(value);
        }
        assertThat(SpreadsheetCsv.cell(null)).isNull();
    }

    @Test
    void the_header_and_every_row_are_written_by_rfc_4180() {
        assertThat(SpreadsheetCsv.write(List.of("section", "=credits"), List.of(List.of("=A1", "-3.5"),
                List.of("a,b", "1"))))
                .isEqualTo("section,\"'=credits\"\n\"'=A1\",-3.5\n\"a,b\",1\n");
    }
}
