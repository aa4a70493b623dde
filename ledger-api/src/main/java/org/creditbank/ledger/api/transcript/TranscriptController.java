package org.creditbank.ledger.api.transcript;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditbank.ledger.learner.LearnerNumber;
import org.creditbank.ledger.rule.InvalidField;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Transcripts by {@code Accept}: JSON, {@code text/csv} or {@code application/pdf}. */
@RestController
@Tag(name = "Learners")
public class TranscriptController {

    private static final String PATH = "/api/learners/{learnerNumber}/transcript";

    private final TranscriptService transcripts;

    public TranscriptController(TranscriptService transcripts) {
        this.transcripts = transcripts;
    }

    @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The transcript: certified achievements, totals per unit, the log checkpoint it matches;"
            + " whole life, or ?awardingBody= for one institution. Also as text/csv and application/pdf")
    public Transcript json(@PathVariable String learnerNumber, @RequestParam(required = false) String awardingBody) {
        return make(learnerNumber, awardingBody);
    }

    @GetMapping(value = PATH, produces = "text/csv")
    public String csv(@PathVariable String learnerNumber, @RequestParam(required = false) String awardingBody) {
        return TranscriptCsv.render(make(learnerNumber, awardingBody));
    }

    @GetMapping(value = PATH, produces = MediaType.APPLICATION_PDF_VALUE)
    public byte[] pdf(@PathVariable String learnerNumber, @RequestParam(required = false) String awardingBody) {
        return TranscriptPdf.render(make(learnerNumber, awardingBody));
    }

    private Transcript make(String learnerNumber, String awardingBody) {
        if (awardingBody != null && awardingBody.isBlank()) {
            throw new InvalidField("awardingBody", "must not be blank");
        }
        return transcripts.transcript(LearnerNumber.parse(learnerNumber).value(),
                awardingBody == null ? null : awardingBody.strip());
    }
}
