package org.creditbank.ledger.api.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditbank.ledger.achievement.AchievementCommands.CertifyAchievement;
import org.creditbank.ledger.achievement.AchievementCommands.RecordAchievement;
import org.creditbank.ledger.achievement.AchievementCommands.RecordingOutcome;
import org.creditbank.ledger.achievement.AchievementCommands.RejectAchievement;
import org.creditbank.ledger.achievement.AchievementCommands.RevokeAchievement;
import org.creditbank.ledger.achievement.AchievementDetails;
import org.creditbank.ledger.achievement.AchievementIds;
import org.creditbank.ledger.api.branch.BranchController.AppointOfficerRequest;
import org.creditbank.ledger.api.branch.BranchController.RegisterBranchRequest;
import org.creditbank.ledger.api.learner.LearnerController.ContactRequest;
import org.creditbank.ledger.api.learner.LearnerController.OpenAccountRequest;
import org.creditbank.ledger.api.web.CommandBatches;
import org.creditbank.ledger.api.web.CommandBatches.Done;
import org.creditbank.ledger.api.web.CommandBatches.Outcome;
import org.creditbank.ledger.api.web.CommandBatches.Row;
import org.creditbank.ledger.api.web.CommandBatches.RowResult;
import org.creditbank.ledger.api.web.LedgerCommands;
import org.creditbank.ledger.api.web.Requests;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.BranchCode;
import org.creditbank.ledger.branch.BranchCommands.AppointOfficer;
import org.creditbank.ledger.branch.BranchCommands.RegisterBranch;
import org.creditbank.ledger.branch.BranchProfile;
import org.creditbank.ledger.branch.BranchRefusals.BranchAlreadyRegistered;
import org.creditbank.ledger.branch.BranchRefusals.OfficerAlreadyAppointed;
import org.creditbank.ledger.branch.BranchRole;
import org.creditbank.ledger.branch.BranchTier;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.branch.OfficerId;
import org.creditbank.ledger.learner.AccountCommands.OpenAccount;
import org.creditbank.ledger.learner.ActTime;
import org.creditbank.ledger.learner.AccountRefusals.PersonAlreadyHasAccount;
import org.creditbank.ledger.learner.IdentityDocument;
import org.creditbank.ledger.learner.IdentityHasher;
import org.creditbank.ledger.learner.IdentityRegister;
import org.creditbank.ledger.learner.LearnerNumber;
import org.creditbank.ledger.learner.PersonalData;
import org.creditbank.ledger.rule.InvalidField;
import org.creditbank.ledger.rule.Refusal;
import org.creditbank.ledger.rule.RuleViolation;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings a legacy system's history in, in batches: branches, officers, learners and achievements with the status the
 * legacy system holds. Each row becomes the commands a branch officer would have sent — decided by the same rules,
 * refused in the same words — acted by the legacy officer at the instant the legacy system recorded, brought in by
 * the signed-in administrator of the provincial centre. A row is idempotent by its natural key (branch code, officer,
 * the person's identity document, the achievement's external reference): sent again, it is answered
 * {@code ALREADY_IMPORTED} and nothing is written, so an import killed at any point is run again to the same end.
 * The {@code ledger import} command reads the files and sends them here; see docs/import.md.
 */
@RestController
@Tag(name = "Import", description = "A legacy system's history brought in, in batches")
public class ImportController {

    /** The most rows one request may carry. */
    public static final int MAX_ROWS = 10_000;
    /** Rows of learners and achievements decided in one transaction. */
    static final int ROUND = Integer.getInteger("ledger.import.round", 500);

    private final CommandBatches batches;
    private final LedgerCommands commands;
    private final Jurisdiction jurisdiction;
    private final IdentityHasher hasher;
    private final IdentityRegister identities;

    public ImportController(CommandBatches batches, LedgerCommands commands, Jurisdiction jurisdiction,
                            IdentityHasher hasher, IdentityRegister identities) {
        this.batches = batches;
        this.commands = commands;
        this.jurisdiction = jurisdiction;
        this.hasher = hasher;
        this.identities = identities;
    }

    /**
     * A batch of rows of one file, each with its number in the file; {@code source} names the legacy system
     * (achievements' legacy ids are its own; default {@code legacy}).
     */
    public record Rows<R>(String source, List<R> rows) {
    }

    /** The answer to a batch: a result per row, in the order sent, and how many rows had each outcome. */
    public record Answer(List<RowResult> results, long imported, long alreadyImported, long refused) {

        static Answer of(List<RowResult> results) {
            return new Answer(results, count(results, Outcome.IMPORTED), count(results, Outcome.ALREADY_IMPORTED),
                    count(results, Outcome.REFUSED));
        }

        private static long count(List<RowResult> results, Outcome outcome) {
            return results.stream().filter(r -> r.outcome() == outcome).count();
        }
    }

    /** A branch of the network (registered by the importing administrator). */
    public record BranchRow(long row, String code, String name, String tier, String parentCode,
                            String divisionCode) implements Row {
    }

    /** An officer of a branch: the identity-provider subject they sign in with and their roles, {@code |}-separated. */
    public record OfficerRow(long row, String branchCode, String officerId, String name, String subject,
                             String roles, String system) implements Row {
    }

    /** A learner: the person, and the branch and officer that opened the account when. */
    public record LearnerRow(long row, String fullName, String idDocumentType, String idDocumentNumber,
                             String birthDate, String phone, String email, String address, String branchCode,
                             String openedBy, String openedAt) implements Row {
    }

    /**
     * An achievement of a learner (by learner number, or by the identity document of an account's holder), with the
     * status the legacy system holds and who acted when: recorded; then certified or rejected ({@code decided…});
     * for a revoked one, certified and then revoked ({@code revoked…}).
     */
    public record AchievementRow(long row, String legacyId, String learnerNumber, String idDocumentType, String idDocumentNumber,
                                 String kind, String title, String awardingBody, String assessingBody,
                                 String achievedOn, String evidenceSha256, String evidenceMediaType,
                                 String evidenceLocation, String credits, String creditUnit,
                                 String qualificationLevel, String vocationalLevel, String resultScheme,
                                 String resultValue, String externalIssuer, String externalId,
                                 String certificateSerial, String status, String branchCode, String recordedBy,
                                 String recordedAt, String decidedBy, String decidingBranch, String decidedAt,
                                 String rejectionReason, String revokedBy, String revokingBranch, String revokedAt,
                                 String revocationReason) implements Row, AchievementColumns {
    }

    /** The legacy statuses an achievement is imported with. */
    enum LegacyStatus { RECORDED, CERTIFIED, REJECTED, REVOKED }

    @PostMapping("/api/imports/branches")
    @Operation(summary = "Import branches (one transaction each, in the order sent: a parent before its children)")
    public Answer branches(@RequestBody Rows<BranchRow> body, ActingOfficer actor) {
        requireCentreAdministrator(actor);
        return Answer.of(batches.run(rows(body), 1, row -> Set.of(), row -> branch(row, actor)));
    }

    @PostMapping("/api/imports/officers")
    @Operation(summary = "Import officers' appointments (one transaction each)")
    public Answer officers(@RequestBody Rows<OfficerRow> body, ActingOfficer actor) {
        requireCentreAdministrator(actor);
        return Answer.of(batches.run(rows(body), 1, row -> Set.of(), row -> officer(row, actor)));
    }

    @PostMapping("/api/imports/learners")
    @Operation(summary = "Import learners: an account for each person, opened by the legacy branch and officer")
    public Answer learners(@RequestBody Rows<LearnerRow> body, ActingOfficer actor) {
        requireCentreAdministrator(actor);
        return Answer.of(batches.run(rows(body), ROUND, ImportController::personKey, this::learner));
    }

    @PostMapping("/api/imports/achievements")
    @Operation(summary = "Import achievements with their legacy status: recorded, certified, rejected or revoked")
    public Answer achievements(@RequestBody Rows<AchievementRow> body, ActingOfficer actor) {
        requireCentreAdministrator(actor);
        String source = source(body);
        return Answer.of(batches.run(rows(body), ROUND, AchievementColumns::certificateKey,
                row -> achievement(source, row)));
    }

    private Done branch(BranchRow row, ActingOfficer actor) {
        RegisterBranch command = new RegisterBranchRequest(row.code(), row.name(), row.tier(), row.parentCode(),
                row.divisionCode()).toCommand(actor);
        try {
            commands.sendImported(command, actor, null);
            return imported(command.code().value());
        } catch (BranchAlreadyRegistered already) {
            return alreadyImported(command.code().value());
        }
    }

    private Done officer(OfficerRow row, ActingOfficer actor) {
        BranchCode branch = BranchCode.of("branchCode", row.branchCode());
        List<String> roles = row.roles() == null || row.roles().isBlank() ? List.of()
                : Arrays.stream(row.roles().split("\\|")).map(String::strip).toList();
        AppointOfficer command = new AppointOfficerRequest(row.officerId(), row.name(), row.subject(), roles,
                flag("system", row.system())).toCommand(branch, actor);
        String id = branch.value() + "/" + command.officer().value();
        try {
            commands.sendImported(command, actor, null);
            return imported(id);
        } catch (OfficerAlreadyAppointed already) {
            return alreadyImported(id);
        }
    }

    /** One person's rows never share a round: the register says who has an account only once a round commits. */
    private static Set<String> personKey(LearnerRow row) {
        return row.idDocumentType() == null || row.idDocumentNumber() == null ? Set.of()
                : Set.of("person:" + IdentityDocument.type(row.idDocumentType()) + ":"
                + IdentityDocument.number(row.idDocumentNumber()));
    }

    private Done learner(LearnerRow row) {
        PersonalData person = new OpenAccountRequest(row.fullName(), row.idDocumentType(), row.idDocumentNumber(),
                row.birthDate(), new ContactRequest(row.phone(), row.email(), row.address()), null).toPerson();
        ActingOfficer openedBy = legacyActor("openedBy", row.openedBy(), "branchCode", row.branchCode());
        Instant openedAt = legacyInstant("openedAt", row.openedAt(), null);
        try {
            return imported(Act.OPEN.send(commands, new OpenAccount(person, null, openedBy), openedBy, openedAt));
        } catch (PersonAlreadyHasAccount already) {
            return alreadyImported(already.learnerNumber());
        }
    }


    private Done achievement(String source, AchievementRow row) {
        String legacyId = InvalidField.requireText("legacyId", row.legacyId(), 128);
        LegacyStatus status = Requests.oneOf("status", row.status(), LegacyStatus.class);
        LearnerNumber learner = row.learner(hasher, identities);
        AchievementDetails details = row.details();
        ActingOfficer recordedBy = legacyActor("recordedBy", row.recordedBy(), "branchCode", row.branchCode());
        Instant recordedAt = legacyInstant("recordedAt", row.recordedAt(), null);
        ActingOfficer decidedBy = null;
        Instant decidedAt = null;
        if (status != LegacyStatus.RECORDED) {
            decidedBy = legacyActor("decidedBy", row.decidedBy(), "decidingBranch",
                    orElse(row.decidingBranch(), row.branchCode()));
            decidedAt = legacyInstant("decidedAt", row.decidedAt(), recordedAt);
        }
        ActingOfficer revokedBy = null;
        Instant revokedAt = null;
        if (status == LegacyStatus.REVOKED) {
            revokedBy = legacyActor("revokedBy", row.revokedBy(), "revokingBranch",
                    orElse(row.revokingBranch(), row.branchCode()));
            revokedAt = legacyInstant("revokedAt", row.revokedAt(), decidedAt);
        }
        RecordingOutcome recorded = Act.RECORD.send(commands, new RecordAchievement(learner,
                AchievementIds.forLegacy(recordedAt, source + "\n" + legacyId), details, recordedBy), recordedBy,
                recordedAt);
        String id = recorded.achievementId();
        if (recorded.alreadyRecorded()) {
            return alreadyImported(id);
        }
        switch (status) {
            case CERTIFIED, REVOKED -> Act.DECIDE.send(commands, new CertifyAchievement(learner, id, decidedBy),
                    decidedBy, decidedAt);
            case REJECTED -> Act.DECIDE.send(commands, new RejectAchievement(learner, id, row.rejectionReason(),
                    decidedBy), decidedBy, decidedAt);
            case RECORDED -> {
            }
        }
        if (status == LegacyStatus.REVOKED) {
            Act.REVOKE.send(commands, new RevokeAchievement(learner, id, row.revocationReason(), revokedBy),
                    revokedBy, revokedAt);
        }
        return imported(id);
    }


    /**
     * The acts a row is made of, each with the file's columns of the fields its refusals name: the officer who acts,
     * the branch they act for, the act's time and its reason.
     */
    private enum Act {
        OPEN("openedBy", "branchCode", "openedAt", null),
        RECORD("recordedBy", "branchCode", "recordedAt", null),
        DECIDE("decidedBy", "decidingBranch", "decidedAt", "rejectionReason"),
        REVOKE("revokedBy", "revokingBranch", "revokedAt", "revocationReason");

        private final Map<String, String> columns;

        Act(String officer, String branch, String at, String reason) {
            Map<String, String> columns = new java.util.HashMap<>();
            columns.put("officer", officer);
            columns.put("actingBranch", branch);
            columns.put(ActTime.RECORDED_AT, at);
            if (reason != null) {
                columns.put("reason", reason);
            }
            columns.put("person", "idDocumentNumber");
            this.columns = Map.copyOf(columns);
        }

        <R> R send(LedgerCommands commands, Object command, ActingOfficer actor, Instant at) {
            try {
                return commands.sendImported(command, actor, at);
            } catch (PersonAlreadyHasAccount already) {
                throw already;
            } catch (RuleViolation refused) {
                throw InColumn.of(refused, columns.get(refused.field()));
            }
        }
    }


    private void requireCentreAdministrator(ActingOfficer actor) {
        BranchProfile branch = jurisdiction.actingBranch(actor, BranchRole.ADMINISTRATOR);
        if (branch.tier() != BranchTier.PROVINCIAL_CENTRE) {
            throw new ImportNotPermitted();
        }
    }

    /** Only an administrator acting for the provincial centre brings history in. */
    static final class ImportNotPermitted extends RuleViolation {
        ImportNotPermitted() {
            super(Refusal.NOT_PERMITTED, "an import is made by an administrator acting for the provincial centre");
        }
    }

    private static String source(Rows<?> body) {
        return body == null || body.source() == null || body.source().isBlank() ? "legacy"
                : InvalidField.requireText("source", body.source(), 64);
    }

    private static Done imported(String id) {
        return new Done(Outcome.IMPORTED, id);
    }

    private static Done alreadyImported(String id) {
        return new Done(Outcome.ALREADY_IMPORTED, id);
    }

    static <R> List<R> rows(Rows<R> body) {
        if (body == null || body.rows() == null || body.rows().isEmpty()) {
            throw new InvalidField("rows", "must hold at least one row");
        }
        if (body.rows().size() > MAX_ROWS) {
            throw new InvalidField("rows", "must hold at most " + MAX_ROWS + " rows, got " + body.rows().size());
        }
        for (int i = 0; i < body.rows().size(); i++) {
            if (body.rows().get(i) == null) {
                throw new InvalidField("rows", "must not hold null (at " + i + ")");
            }
        }
        return body.rows();
    }

    /** The legacy officer who acted, at the branch named in {@code branchField}. */
    private static ActingOfficer legacyActor(String field, String officer, String branchField, String branch) {
        OfficerId id = OfficerId.of(field, officer);
        return new ActingOfficer(id.value(), BranchCode.of(branchField, branch).value());
    }

    /** A legacy instant, required, not in the future (checked by the act) and not before {@code notBefore}. */
    private static Instant legacyInstant(String field, String value, Instant notBefore) {
        Instant at = Requests.instant(field, value);
        if (at == null) {
            throw new InvalidField(field, "is required");
        }
        if (notBefore != null && at.isBefore(notBefore)) {
            throw new InvalidField(field, "is before the act it follows (" + notBefore + ")");
        }
        return at;
    }

    private static Boolean flag(String field, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new InvalidField(field, "must be true or false, got \"" + value + "\"");
        };
    }

    private static String orElse(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }

}
