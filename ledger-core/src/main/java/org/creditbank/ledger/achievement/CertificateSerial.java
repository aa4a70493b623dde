package org.creditbank.ledger.achievement;

import org.creditbank.ledger.rule.InvalidField;

import java.util.Locale;

/**
 * Certificate serials: shown as printed (trimmed, upper-case), matched by a canonical key that ignores spaces and
 * punctuation ({@code VC-2024 00017} and {@code vc2024-00017} are one certificate) and is scoped by the issuer, so
 * two issuers may print the same serial.
 */
public final class CertificateSerial {

    private static final int MAX_LENGTH = 128;

    private CertificateSerial() {
    }

    /** The serial as shown, or null when none is given. */
    public static String displayForm(String serial) {
        String shown = InvalidField.optionalText("certificateSerial", serial, MAX_LENGTH);
        if (shown == null) {
            return null;
        }
        shown = shown.toUpperCase(Locale.ROOT);
        if (canonical(shown).isEmpty()) {
            throw new InvalidField("certificateSerial", "must contain letters or digits");
        }
        return shown;
    }

    /** The key one certificate is known by: issuer and canonical serial. */
    public static String key(String issuer, String serial) {
        return issuer.strip().toUpperCase(Locale.ROOT) + "|" + canonical(serial.toUpperCase(Locale.ROOT));
    }

    private static String canonical(String serial) {
        StringBuilder kept = new StringBuilder(serial.length());
        serial.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
