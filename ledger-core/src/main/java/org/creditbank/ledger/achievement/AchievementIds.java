package org.creditbank.ledger.achievement;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * New achievements' identifiers: time-ordered UUIDs (RFC 9562 version 7), the millisecond of recording followed by 74
 * random bits.
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

    private AchievementIds() {
    }

    /** A new identifier for an achievement recorded at {@code at}. */
    public static String next(Instant at) {
        return GENERATOR.construct(at.toEpochMilli()).toString();
    }
}
