package org.creditbank.ledger.tools.intake;

import java.util.List;

/**
 * The kinds of import file, in the order an import takes them (a row may name what an earlier kind brought), each
 * with its columns: a CSV file's header names some of them, in any order; a JSON Lines object's fields likewise.
 * docs/import.md says what each column holds.
 */
public enum ImportKind {

    BRANCHES("branches", List.of("code", "name", "tier", "parentCode", "divisionCode")),
    OFFICERS("officers", List.of("branchCode", "officerId", "name", "subject", "roles", "system")),
    LEARNERS("learners", List.of("fullName", "idDocumentType", "idDocumentNumber", "birthDate", "phone", "email",
            "address", "branchCode", "openedBy", "openedAt")),
    ACHIEVEMENTS("achievements", List.of("legacyId", "learnerNumber", "idDocumentType", "idDocumentNumber", "kind",
            "title", "awardingBody", "assessingBody", "achievedOn", "evidenceSha256", "evidenceMediaType",
            "evidenceLocation", "credits", "creditUnit", "qualificationLevel", "vocationalLevel", "resultScheme",
            "resultValue", "externalIssuer", "externalId", "certificateSerial", "status", "branchCode", "recordedBy",
            "recordedAt", "decidedBy", "decidingBranch", "decidedAt", "rejectionReason", "revokedBy",
            "revokingBranch", "revokedAt", "revocationReason"));

    private final String path;
    private final List<String> columns;

    ImportKind(String path, List<String> columns) {
        this.path = path;
        this.columns = columns;
    }

    /** The last segment of its endpoint, {@code /api/imports/{path}}, and its name in reports and progress. */
    public String path() {
        return path;
    }

    /** Every column a file of this kind may have. */
    public List<String> columns() {
        return columns;
    }
}
