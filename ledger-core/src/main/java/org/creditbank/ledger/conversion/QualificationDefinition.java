package org.creditbank.ledger.conversion;

/** A qualification as the catalogue holds it: its institution and code, its terms, and its programme's unit. */
public record QualificationDefinition(String institution, String qualification, QualificationTerms terms,
                                      String unit) {
}
