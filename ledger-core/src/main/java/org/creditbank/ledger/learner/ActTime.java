package org.creditbank.ledger.learner;

import org.creditbank.ledger.rule.InvalidField;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * When an act on an account took place. Normally now, by the ledger's clock. History brought in from a legacy system
 * (an import) says when the legacy system recorded each act: that instant travels in the command's metadata under
 * {@link #RECORDED_AT}, and the act's events carry it as their {@code at}, so the rules in force then (the hours rule,
 * the points rule, "not achieved in the future") are the ones applied. The store still stamps each event with the
 * time it was appended, so as-of reads answer what the ledger held at an instant. Only the import sets this key; no
 * request can, since commands get their metadata from the server alone.
 */
public final class ActTime {

    /** The metadata key of the instant a legacy system recorded the act. */
    public static final String RECORDED_AT = "recordedAt";

    private ActTime() {
    }

    /** The instant of the act: the recorded instant when one is given (never after now), otherwise now. */
    public static Instant of(Clock clock, String recordedAt) {
        Instant now = clock.instant();
        if (recordedAt == null) {
            return now;
        }
        Instant at;
        try {
            at = Instant.parse(recordedAt);
        } catch (DateTimeParseException e) {
            throw new InvalidField(RECORDED_AT, "must be an instant like 2019-09-01T08:00:00Z, got \""
                    + recordedAt + "\"");
        }
        if (at.isAfter(now)) {
            throw new InvalidField(RECORDED_AT, "is in the future: " + recordedAt);
        }
        return at;
    }
}
