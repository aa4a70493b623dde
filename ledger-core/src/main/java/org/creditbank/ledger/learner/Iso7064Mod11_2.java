package org.creditbank.ledger.learner;

import org.creditbank.ledger.rule.InvalidField;

import java.util.regex.Pattern;

/**
 * ISO/IEC 7064 MOD 11-2, the pure system with one check character (0-9 or X) used by resident identity numbers.
 * The check character makes the weighted sum of all 18 characters, X counting 10, congruent to 1 modulo 11.
 */
public final class Iso7064Mod11_2 {

    private static final Pattern FORM = Pattern.compile("[0-9]{17}[0-9X]");

    private Iso7064Mod11_2() {
    }

    /**
     * Refuses {@code value} for {@code field} unless it is 17 digits and their check character; {@code checked} is how
     * the refusal names the check character ("check character of 1101…").
     */
    static void requireValid(String field, String value, String checked) {
        if (value == null || value.length() != 18) {
            throw new InvalidField(field, "must have 18 characters, got " + (value == null ? "nothing" : value.length()));
        }
        if (!FORM.matcher(value).matches()) {
            throw new InvalidField(field, "must be 17 digits followed by a digit or X");
        }
        char expected = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            throw new InvalidField(field, checked + " should be " + expected + ": the number is mistyped");
        }
    }

    /** The check character for a string of digits. */
    public static char checkCharacter(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int weight = weight(digits.length() - i + 1);
            sum += Character.digit(digits.charAt(i), 10) * weight;
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** Weight of the character at position {@code i} counted from the right, the check character being 1. */
    private static int weight(int i) {
        int w = 1;
        for (int k = 1; k < i; k++) {
            w = (w * 2) % 11;
        }
        return w;
    }
}
