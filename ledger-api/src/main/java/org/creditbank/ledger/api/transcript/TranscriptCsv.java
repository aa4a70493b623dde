package org.creditbank.ledger.api.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A transcript as CSV (RFC 4180, written by Jackson's CSV module): one row per certified achievement, then one
 * {@code TOTAL} row per unit system and a {@code CHECKPOINT} row naming the log tree size it is consistent with.
 */
final class TranscriptCsv {

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CsvSchema.builder()
            .addColumn("row").addColumn("achievedOn").addColumn("kind").addColumn("title").addColumn("awardingBody")
            .addColumn("credits").addColumn("unit").addColumn("result").addColumn("achievementId")
            .setUseHeader(true).build();

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
        Transcript.CheckpointReference checkpoint = transcript.checkpoint();
        rows.add(List.of("CHECKPOINT", "", "", checkpoint.origin(), "", String.valueOf(checkpoint.treeSize()), "",
                checkpoint.coversAllEvents() ? "covers all events" : checkpoint.newerEvents() + " newer events", ""));
        try {
            return CSV.writer(SCHEMA).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
