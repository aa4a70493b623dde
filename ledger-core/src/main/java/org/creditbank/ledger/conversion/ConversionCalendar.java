package org.creditbank.ledger.conversion;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The time zone conversion counts dates in — an application's date, which decides the rules in force, and a grant's
 * year, which the yearly cap counts — the ledger's own ({@code LEDGER_TIME_ZONE}), as its statistics count days.
 */
public record ConversionCalendar(ZoneId zone) {

    /** The date of an instant. */
    public LocalDate dateOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }
}
