package org.creditbank.ledger.api.transcript;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A transcript: the certified achievements of a whole life (or of one awarding institution), their credits per unit
 * system, the credits converted into programmes, and the log checkpoint it is consistent with.
 *
 * @param scope       "whole life", or the awarding body the transcript is limited to
 * @param checkpoint  the latest signed checkpoint when the transcript was made
 */
public record Transcript(String learnerNumber, String fullName, String scope, Instant issuedAt, List<Line> lines,
                         List<Total> totals, List<Conversion> conversions, CheckpointReference checkpoint) {

    /**
     * Credits converted into an institution's programme by a grant that stands (whole-life transcripts only): they are
     * counted in the programme's unit, apart from the totals of deposits.
     */
    public record Conversion(LocalDate grantedOn, String institution, String programme, BigDecimal credits,
                             String unit, int sources, String applicationId) {
    }

    /** One certified achievement. */
    public record Line(LocalDate achievedOn, String kind, String title, String awardingBody, BigDecimal credits,
                       String creditUnit, String result, String achievementId) {
    }

    /** Credits in one unit system; units are never added together. */
    public record Total(String unit, BigDecimal credits, int achievements) {
    }

    /**
     * The checkpoint the transcript is consistent with.
     *
     * @param coversAllEvents whether every event of the account is in the log under this checkpoint
     * @param newerEvents     how many of the account's events are newer than the checkpoint
     */
    public record CheckpointReference(String origin, long treeSize, boolean coversAllEvents, long newerEvents) {
    }
}
