package org.creditbank.ledger.learner;

/**
 * ISO/IEC 7064 MOD 11-2, the pure system with one check character (0-9 or X) used by resident identity numbers.
 * The check character makes the weighted sum of all 18 characters, X counting 10, congruent to 1 modulo 11.
 */
final class Iso7064Mod11_2 {

    private Iso7064Mod11_2() {
    }

    /** The check character for a string of digits. */
    static char checkCharacter(String digits) {
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
