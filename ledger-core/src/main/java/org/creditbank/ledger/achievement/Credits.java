package org.creditbank.ledger.achievement;

import org.creditbank.ledger.rule.InvalidField;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An exact, positive amount of credit in one unit system. Amounts in different units are never added together
 * without a published conversion rule.
 *
 * @param unit {@code BANK_CREDIT} (the credit bank's standard credit), {@code ECTS}, {@code HOURS}, or
 *             {@code INSTITUTION:<code>} for an institution's own credits
 */
public record Credits(BigDecimal amount, String unit) {

    private static final Pattern UNIT = Pattern.compile("BANK_CREDIT|ECTS|HOURS|INSTITUTION:[A-Z0-9][A-Z0-9-]{1,31}");
    private static final int MAX_SCALE = 4;
    private static final int MAX_INTEGER_DIGITS = 15;

    public Credits {
        if (amount == null) {
            throw new InvalidField("credits.amount", "is required");
        }
        if (amount.signum() <= 0) {
            throw new InvalidField("credits.amount", "must be positive, got " + shown(amount));
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidField("credits.amount", "must be less than 10^" + MAX_INTEGER_DIGITS);
        }
        if (amount.stripTrailingZeros().scale() > MAX_SCALE) {
            throw new InvalidField("credits.amount", "has more than " + MAX_SCALE + " decimal places");
        }
        if (unit == null || unit.isBlank()) {
            throw new InvalidField("credits.unit", "is required: BANK_CREDIT, ECTS, HOURS or INSTITUTION:<code>");
        }
        if (!UNIT.matcher(unit).matches()) {
            throw new InvalidField("credits.unit",
                    "must be BANK_CREDIT, ECTS, HOURS or INSTITUTION:<code>, got \"" + unit + "\"");
        }
    }

    /**
     * The amount as written in a refusal: in full, unless its exponent is so large that writing every digit
     * (-1e-999999999 has a billion) would exhaust the server.
     */
    private static String shown(BigDecimal amount) {
        return Math.abs(amount.scale()) <= MAX_INTEGER_DIGITS + MAX_SCALE ? amount.toPlainString() : amount.toString();
    }
}
