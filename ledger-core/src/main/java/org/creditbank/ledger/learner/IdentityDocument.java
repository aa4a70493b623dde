package org.creditbank.ledger.learner;

import java.util.Locale;
import java.util.Set;

/**
 * How an identity document is written for matching: one person named by one document is one identity, however the
 * officer typed it. The type is upper-cased with spaces and hyphens as underscores, and the names of the mainland
 * resident identity card all become {@value #RESIDENT_ID}; the number is upper-cased with spaces and hyphens removed.
 * Other document types (passports, permits) keep their own name.
 */
public final class IdentityDocument {

    /** The canonical type of the resident identity card (居民身份证). */
    public static final String RESIDENT_ID = "RESIDENT_ID";

    /** Other names officers and systems use for the resident identity card. */
    public static final Set<String> RESIDENT_ID_SYNONYMS = Set.of("ID_CARD", "IDENTITY_CARD", "RESIDENT_ID_CARD",
            "RESIDENT_IDENTITY_CARD", "NATIONAL_ID", "PRC_ID_CARD");

    private IdentityDocument() {
    }

    /** The canonical form of a document type: {@code "id-card"} and {@code "Resident ID"} are both RESIDENT_ID. */
    public static String type(String typed) {
        String type = typed.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return RESIDENT_ID_SYNONYMS.contains(type) ? RESIDENT_ID : type;
    }

    /** The canonical form of a document number: {@code "110105 19491231 002x"} is {@code 11010519491231002X}. */
    public static String number(String typed) {
        return typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "");
    }
}
