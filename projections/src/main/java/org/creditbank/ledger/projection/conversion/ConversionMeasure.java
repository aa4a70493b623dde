package org.creditbank.ledger.projection.conversion;

/** What the statistics of conversions count. */
public enum ConversionMeasure {
    /** An application made (its day: when it was made). */
    APPLIED,
    /** An application granted, in whole or in part. */
    GRANTED,
    /** An application refused as a whole. */
    REFUSED,
    /** A granted application invalidated, its source revoked or corrected. */
    INVALIDATED,
    /** A source granted, and the credits it was granted, under its rule. */
    SOURCE_GRANTED,
    /** A source refused, under the rule that weighed it ('' where none grants it). */
    SOURCE_REFUSED,
    /** A granted source whose grant was invalidated, and the credits taken back, under its rule. */
    SOURCE_INVALIDATED,
    /** An achievement's hours converted into standard credits under the hours rule, and the credits deposited. */
    HOURS_CONVERTED
}
