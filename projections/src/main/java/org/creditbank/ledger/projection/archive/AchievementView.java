package org.creditbank.ledger.projection.archive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One achievement with its current fields and the history of acts on it. */
public record AchievementView(String achievementId, String learnerNumber, String kind, String title,
                              String awardingBody, String assessingBody, LocalDate achievedOn, Evidence evidence,
                              Credits credits, Integer qualificationLevel, Integer vocationalLevel, Result result,
                              ExternalReference externalReference, String certificateSerial, String status,
                              String recordedBy, String recordingBranch, Instant recordedAt, List<Act> history) {

    /** The evidence document. */
    public record Evidence(String sha256, String mediaType, String location) {
    }

    /** Credits with their unit system. */
    public record Credits(BigDecimal amount, String unit) {
    }

    /** A result under a grading scheme. */
    public record Result(String scheme, String value) {
    }

    /** The issuer's own identification. */
    public record ExternalReference(String issuer, String id) {
    }

    /** One act on the achievement: who, for which branch, when, and why. */
    public record Act(String act, String reason, String officerId, String branchCode, Instant at) {
    }
}
