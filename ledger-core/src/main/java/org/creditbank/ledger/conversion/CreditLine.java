package org.creditbank.ledger.conversion;

import java.math.BigDecimal;

/**
 * Credits a learner holds toward a programme, in its unit: earned at the institution itself (an achievement of the
 * learner's in the programme's unit; {@code application} null), or converted (a source of a standing grant).
 *
 * @param achievementId the achievement the credits come from
 * @param application   the conversion application that granted them, or null when earned at the institution
 * @param course        the course they count as, or null for the programme as a whole
 */
public record CreditLine(String achievementId, String application, String course, BigDecimal credits) {

    /** Whether the credits were earned at the institution itself. */
    public boolean atInstitution() {
        return application == null;
    }
}
