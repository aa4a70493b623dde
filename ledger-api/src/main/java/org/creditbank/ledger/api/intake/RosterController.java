package org.creditbank.ledger.api.intake;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditbank.ledger.achievement.AchievementCommands.RecordAchievement;
import org.creditbank.ledger.achievement.AchievementCommands.RecordingOutcome;
import org.creditbank.ledger.achievement.AchievementIds;
import org.creditbank.ledger.api.web.CommandBatches;
import org.creditbank.ledger.api.web.CommandBatches.Done;
import org.creditbank.ledger.api.web.CommandBatches.Outcome;
import org.creditbank.ledger.api.web.CommandBatches.Row;
import org.creditbank.ledger.api.web.CommandBatches.RowResult;
import org.creditbank.ledger.api.web.LedgerCommands;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.BranchCode;
import org.creditbank.ledger.branch.BranchRole;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.learner.IdentityHasher;
import org.creditbank.ledger.learner.IdentityRegister;
import org.creditbank.ledger.learner.LearnerNumber;
import org.creditbank.ledger.rule.InvalidField;
import org.creditbank.ledger.rule.Refusal;
import org.creditbank.ledger.rule.RuleViolation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A branch's roster: up to 10,000 achievements (a term's results, a training's completions) recorded in one request,
 * as JSON or CSV, by an officer of the branch or its system client — each row recorded exactly as
 * {@code POST /api/learners/{n}/achievements} would record it, by the same rules, in the same words, and answered on
 * its own. A row whose external reference the account already holds is answered {@code ALREADY_RECORDED} and writes
 * nothing, so a roster sent again changes nothing. Certification stays a second officer's act, from the branch's
 * queue.
 */
@RestController
@Tag(name = "Rosters", description = "Many achievements of one branch recorded in one request")
public class RosterController {

    private final CommandBatches batches;
    private final LedgerCommands commands;
    private final Jurisdiction jurisdiction;
    private final IdentityHasher hasher;
    private final IdentityRegister identities;
    private final Clock clock;
    private final CsvMapper csv = new CsvMapper();

    public RosterController(CommandBatches batches, LedgerCommands commands, Jurisdiction jurisdiction,
                            IdentityHasher hasher, IdentityRegister identities, Clock clock) {
        this.batches = batches;
        this.commands = commands;
        this.jurisdiction = jurisdiction;
        this.hasher = hasher;
        this.identities = identities;
        this.clock = clock;
    }

    /** One achievement of a roster: its learner (number, or identity document) and its details as columns. */
    public record RosterRow(long row, String learnerNumber, String idDocumentType, String idDocumentNumber,
                            String kind, String title, String awardingBody, String assessingBody, String achievedOn,
                            String evidenceSha256, String evidenceMediaType, String evidenceLocation, String credits,
                            String creditUnit, String qualificationLevel, String vocationalLevel, String resultScheme,
                            String resultValue, String externalIssuer, String externalId, String certificateSerial)
            implements Row, AchievementColumns {
    }

    /** The rows of a roster (JSON); a row without a number is numbered by its place, from 1. */
    public record Roster(List<RosterRow> rows) {
    }

    /** The answer: a result per row, in the order sent, and how many rows had each outcome. */
    public record Answer(List<RowResult> results, long recorded, long alreadyRecorded, long refused) {
    }

    /** The columns a CSV roster's header may name. */
    static final List<String> COLUMNS = List.of("learnerNumber", "idDocumentType", "idDocumentNumber", "kind",
            "title", "awardingBody", "assessingBody", "achievedOn", "evidenceSha256", "evidenceMediaType",
            "evidenceLocation", "credits", "creditUnit", "qualificationLevel", "vocationalLevel", "resultScheme",
            "resultValue", "externalIssuer", "externalId", "certificateSerial");

    @PostMapping(path = "/api/branches/{code}/rosters", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a roster of up to 10,000 achievements (JSON); a result per row; sent again,"
            + " nothing changes")
    public Answer roster(@PathVariable String code, @RequestBody Roster roster, ActingOfficer actor) {
        requireOwnBranch(code, actor);
        if (roster == null || roster.rows() == null) {
            throw new InvalidField("rows", "must hold at least one row");
        }
        List<RosterRow> rows = new ArrayList<>();
        for (int i = 0; i < roster.rows().size(); i++) {
            RosterRow row = roster.rows().get(i);
            if (row == null) {
                throw new InvalidField("rows", "must not hold null (at " + i + ")");
            }
            rows.add(row.row() != 0 ? row : numbered(row, i + 1));
        }
        return record(rows, actor);
    }

    @PostMapping(path = "/api/branches/{code}/rosters", consumes = "text/csv")
    @Operation(summary = "Record a roster of up to 10,000 achievements (CSV with a header of column names; row 1 is"
            + " the first after it)")
    public Answer rosterCsv(@PathVariable String code, @RequestBody byte[] body, ActingOfficer actor) {
        requireOwnBranch(code, actor);
        return record(parse(body), actor);
    }

    private Answer record(List<RosterRow> rows, ActingOfficer actor) {
        Set<Long> numbers = new HashSet<>();
        for (RosterRow row : rows) {
            if (!numbers.add(row.row())) {
                throw new InvalidField("rows", "row " + row.row() + " appears twice");
            }
        }
        List<RosterRow> checked = ImportController.rows(new ImportController.Rows<>(null, rows));
        List<RowResult> results = batches.run(checked, ImportController.ROUND, AchievementColumns::certificateKey,
                row -> recordRow(row, actor));
        return new Answer(results, count(results, Outcome.RECORDED), count(results, Outcome.ALREADY_RECORDED),
                count(results, Outcome.REFUSED));
    }

    private Done recordRow(RosterRow row, ActingOfficer actor) {
        LearnerNumber learner = row.learner(hasher, identities);
        RecordingOutcome outcome = commands.sendInBatch(new RecordAchievement(learner,
                AchievementIds.next(clock.instant()), row.details(), actor), actor);
        return new Done(outcome.alreadyRecorded() ? Outcome.ALREADY_RECORDED : Outcome.RECORDED,
                outcome.achievementId());
    }

    /**
     * A roster is recorded by the branch's own officers and system client, who may record (the recording branch is
     * the roster's): refused as a whole otherwise, before any row.
     */
    private void requireOwnBranch(String code, ActingOfficer actor) {
        String branch = BranchCode.of("code", code).value();
        jurisdiction.actingBranch(actor, BranchRole.OFFICER);
        if (!branch.equals(actor.branchCode())) {
            throw new NotRostersBranch(branch, actor.branchCode());
        }
    }

    /** Only the branch's own officers and system client record its roster. */
    static final class NotRostersBranch extends RuleViolation {
        NotRostersBranch(String branch, String acting) {
            super(Refusal.NOT_PERMITTED, "code", "a roster of branch " + branch + " is recorded by its own officers"
                    + " or system client; the signed-in principal acts for " + acting);
        }
    }

    private List<RosterRow> parse(byte[] body) {
        List<RosterRow> rows = new ArrayList<>();
        try (MappingIterator<List<String>> records = csv.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(new String(body, StandardCharsets.UTF_8)
                        .replaceFirst("^\uFEFF", ""))) {
            if (!records.hasNextValue()) {
                throw new InvalidField("rows", "must hold a header and at least one row");
            }
            List<String> header = records.nextValue().stream().map(String::strip).toList();
            for (String column : header) {
                if (!COLUMNS.contains(column)) {
                    throw new InvalidField("header", "names an unknown column \"" + column + "\" (columns: "
                            + String.join(", ", COLUMNS) + ")");
                }
            }
            long number = 0;
            while (records.hasNextValue()) {
                List<String> cells = records.nextValue();
                number++;
                if (cells.size() != header.size()) {
                    throw new InvalidField("rows", "row " + number + " has " + cells.size() + " cells where the"
                            + " header has " + header.size());
                }
                Map<String, String> byColumn = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    byColumn.put(header.get(i), cells.get(i) == null || cells.get(i).isEmpty() ? null : cells.get(i));
                }
                rows.add(row(number, byColumn));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuleViolation violation) {
                throw violation;
            }
            throw new InvalidField("rows", "is not CSV: " + String.valueOf(e.getMessage()).lines().findFirst()
                    .orElse(""));
        }
        return rows;
    }

    private static RosterRow row(long number, Map<String, String> c) {
        return new RosterRow(number, c.get("learnerNumber"), c.get("idDocumentType"), c.get("idDocumentNumber"),
                c.get("kind"), c.get("title"), c.get("awardingBody"), c.get("assessingBody"), c.get("achievedOn"),
                c.get("evidenceSha256"), c.get("evidenceMediaType"), c.get("evidenceLocation"), c.get("credits"),
                c.get("creditUnit"), c.get("qualificationLevel"), c.get("vocationalLevel"), c.get("resultScheme"),
                c.get("resultValue"), c.get("externalIssuer"), c.get("externalId"), c.get("certificateSerial"));
    }

    private static RosterRow numbered(RosterRow r, long number) {
        return new RosterRow(number, r.learnerNumber(), r.idDocumentType(), r.idDocumentNumber(), r.kind(), r.title(),
                r.awardingBody(), r.assessingBody(), r.achievedOn(), r.evidenceSha256(), r.evidenceMediaType(),
                r.evidenceLocation(), r.credits(), r.creditUnit(), r.qualificationLevel(), r.vocationalLevel(),
                r.resultScheme(), r.resultValue(), r.externalIssuer(), r.externalId(), r.certificateSerial());
    }

    private static long count(List<RowResult> results, Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
