package org.creditbank.ledger.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every CSV the ledger writes (RFC 4180, Jackson's CSV module), safe to open in a spreadsheet: a text cell that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be run as a formula
 * (OWASP "CSV injection"), so it is written with a single quote before it. A plain decimal number ({@code -2.5})
 * is a number, not a formula, and is written as it is.
 */
public final class SpreadsheetCsv {

    private static final CsvMapper CSV = new CsvMapper();
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCsv() {
    }

    /** The CSV of a header row naming {@code columns} and the {@code rows}, every cell neutralised. */
    public static String write(List<String> columns, List<List<String>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(column -> schema.addColumn(cell(column)));
        List<List<String>> cells = rows.stream().map(row -> row.stream().map(SpreadsheetCsv::cell).toList()).toList();
        try {
            return CSV.writer(schema.build()).writeValueAsString(cells);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell as a spreadsheet must see it: text that would start a formula is quoted, a decimal kept. */
    static String cell(String value) {
        if (value == null || value.isEmpty() || DECIMAL.matcher(value).matches()
                || FORMULA_STARTS.indexOf(value.charAt(0)) < 0) {
            return value;
        }
        return "'" + value;
    }
}
