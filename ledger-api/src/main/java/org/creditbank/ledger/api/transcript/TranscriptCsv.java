package org.creditbank.ledger.api.transcript;

import org.creditbank.ledger.api.web.SpreadsheetCsv;

import java.util.ArrayList;
import java.util.List;

/**
 * A transcript as CSV ({@link SpreadsheetCsv}: text that would start a formula is quoted): one row per certified
 * achievement, then one {@code TOTAL} row per unit system, one {@code CONVERSION} row per standing grant (programme
 * in the kind column, institution in the awarding body's), and a {@code CHECKPOINT} row naming the log tree size it
 * is consistent with.
 */
final class TranscriptCsv {

    private static final List<String> COLUMNS = List.of("row", "achievedOn", "kind", "title", "awardingBody",
            "credits", "unit", "result", "achievementId");

    private TranscriptCsv() {
    }

    static String render(Transcript transcript) {
        List<List<String>> rows = new ArrayList<>();
        for (Transcript.Line line : transcript.lines()) {
            rows.add(List.of("ACHIEVEMENT", String.valueOf(line.achievedOn()), line.kind(), line.title(),
                    line.awardingBody(), line.credits().stripTrailingZeros().toPlainString(), line.creditUnit(),
                    line.result() == null ? "" : line.result(), line.achievementId()));
        }
        for (Transcript.Total total : transcript.totals()) {
            rows.add(List.of("TOTAL", "", "", total.achievements() + " achievements", "",
                    total.credits().toPlainString(), total.unit(), "", ""));
        }
        for (Transcript.Conversion c : transcript.conversions()) {
            rows.add(List.of("CONVERSION", String.valueOf(c.grantedOn()), c.programme(), c.sources() + " sources",
                    c.institution(), c.credits().toPlainString(), c.unit(), "", c.applicationId()));
        }
        Transcript.CheckpointReference checkpoint = transcript.checkpoint();
        rows.add(List.of("CHECKPOINT", "", "", checkpoint.origin(), "", String.valueOf(checkpoint.treeSize()), "",
                checkpoint.coversAllEvents() ? "covers all events" : checkpoint.newerEvents() + " newer events", ""));
        return SpreadsheetCsv.write(COLUMNS, rows);
    }
}
