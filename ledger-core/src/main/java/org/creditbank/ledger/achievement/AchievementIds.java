package org.creditbank.ledger.achievement;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * New achievements' identifiers: time-ordered UUIDs (RFC 9562 version 7), the millisecond the request to record was
 * handled (at or just before the achievement's {@code recordedAt}) followed by 74 random bits.
 *
 * <p>Every read model keys achievements by their identifier. Random identifiers (version 4) send each new achievement
 * to a random page of every such B-tree, so an index larger than the cache costs a page read and write per insert, and
 * a rebuild's pass over the store pays that a million times over. Identifiers that grow with time land on the few
 * right-most pages instead. The recording instant they reveal is on the achievement anyway ({@code recordedAt});
 * nothing can be guessed from them that is not already shown to whoever may see the achievement.
 */
public final class AchievementIds {

    private static final TimeBasedEpochRandomGenerator GENERATOR = Generators.timeBasedEpochRandomGenerator(
            new SecureRandom());

    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{7,63}");

    private AchievementIds() {
    }

    /** An achievement's identifier given for the named field, refused unless it has an identifier's form. */
    public static String require(String field, String id) {
        if (id == null || !FORM.matcher(id).matches()) {
            throw new org.creditbank.ledger.rule.InvalidField(field, "must be an achievement id: 8-64 letters, digits"
                    + " or hyphens");
        }
        return id;
    }

    /**
     * The identifier of an achievement a legacy system recorded at {@code at} under {@code legacyKey} (its system and
     * its own id for the record): a version 7 UUID whose time is {@code at} and whose 74 other bits come from the
     * SHA-256 of the key. The same legacy record always gets the same identifier, so an import run again finds it
     * recorded.
     */
    public static String forLegacy(Instant at, String legacyKey) {
        long millis = millisOf(at);
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(legacyKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        java.nio.ByteBuffer bits = java.nio.ByteBuffer.wrap(digest);
        long high = (millis << 16) | 0x7000L | (bits.getShort() & 0x0FFFL);
        long low = (bits.getLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new java.util.UUID(high, low).toString();
    }

    /**
     * A new identifier for an achievement recorded at {@code at}.
     *
     * @throws IllegalArgumentException for an instant before 1970 or past the year 10889 (48 bits of milliseconds):
     *                                  its identifier would not sort by time
     */
    public static String next(Instant at) {
        return GENERATOR.construct(millisOf(at)).toString();
    }

    private static long millisOf(Instant at) {
        long millis = at.toEpochMilli();
        if (millis < 0 || millis >= 1L << 48) {
            throw new IllegalArgumentException("an achievement's identifier holds no time like " + at);
        }
        return millis;
    }
}
