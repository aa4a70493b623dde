package org.creditbank.ledger.branch;

import org.creditbank.ledger.rule.InvalidField;

import java.util.regex.Pattern;

/**
 * A six-digit administrative-division code (GB/T 2260 style): two digits of province, two of prefecture-level city,
 * two of county. {@code 330000} is a province, {@code 330100} a city in it, {@code 330106} a county in that city.
 */
public record DivisionCode(String value) {

    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");

    public DivisionCode {
        if (value == null || !SIX_DIGITS.matcher(value).matches()) {
            throw new InvalidField("divisionCode", "must be six digits, got " + quoted(value));
        }
        if (value.startsWith("00")) {
            throw new InvalidField("divisionCode", "province digits 00 do not name a province");
        }
        if (value.substring(2, 4).equals("00") && !value.endsWith("00")) {
            throw new InvalidField("divisionCode", value + " names a county without a city");
        }
    }

    /** Parses a code supplied as input for the named field. */
    public static DivisionCode of(String field, String value) {
        try {
            return new DivisionCode(value);
        } catch (InvalidField e) {
            throw new InvalidField(field, e.reason());
        }
    }

    /** The level of the division: 1 province, 2 city, 3 county. */
    public int level() {
        if (value.endsWith("0000")) {
            return 1;
        }
        return value.endsWith("00") ? 2 : 3;
    }

    /** Whether {@code other} lies within this division (a division lies within itself). */
    public boolean contains(DivisionCode other) {
        String prefix = value.substring(0, 2 * level());
        return other.value.startsWith(prefix);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "\"" + value + "\"";
    }
}
