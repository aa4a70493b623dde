package org.creditbank.ledger.api.learner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.achievement.AchievementStatus;
import org.creditbank.ledger.access.Subject;
import org.creditbank.ledger.api.identity.LedgerPrincipal;
import org.creditbank.ledger.api.identity.Principals;
import org.creditbank.ledger.api.identity.ReadAccess;
import org.creditbank.ledger.api.web.ActingOfficerResolver;
import org.creditbank.ledger.api.web.CommandMetadata;
import org.creditbank.ledger.api.web.LedgerCommands;
import org.creditbank.ledger.api.web.Requests;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.learner.AccountCommands.BindSignIn;
import org.creditbank.ledger.learner.AccountCommands.CloseAccount;
import org.creditbank.ledger.learner.AccountCommands.MergeAccounts;
import org.creditbank.ledger.learner.AccountCommands.OpenAccount;
import org.creditbank.ledger.learner.AccountCommands.UpdateContactDetails;
import org.creditbank.ledger.learner.AccountRefusals.UnknownAccount;
import org.creditbank.ledger.learner.ContactDetails;
import org.creditbank.ledger.learner.LearnerNumber;
import org.creditbank.ledger.learner.PersonalData;
import org.creditbank.ledger.projection.archive.ArchiveQueries;
import org.creditbank.ledger.projection.archive.AccountView;
import org.creditbank.ledger.rule.InvalidField;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/** Learner accounts over HTTP: open, read, update contact details, merge, close. */
@RestController
@RequestMapping("/api/learners")
@Tag(name = "Learners", description = "Lifelong learning accounts")
public class LearnerController {

    private final LedgerCommands commands;
    private final ArchiveQueries queries;
    private final LifelongArchive lifelong;
    private final ArchivePages pages;
    private final Principals principals;
    private final ReadAccess access;

    LearnerController(LedgerCommands commands, ArchiveQueries queries, LifelongArchive lifelong, ArchivePages pages,
                      Principals principals, ReadAccess access) {
        this.commands = commands;
        this.access = access;
        this.principals = principals;
        this.pages = pages;
        this.lifelong = lifelong;
        this.queries = queries;
    }

    /**
     * The natural person an account is opened for; {@code subject}, optional, is the identity-provider subject they
     * sign in with (bound at once; or later, by {@code POST /api/learners/{n}/sign-in}).
     */
    public record OpenAccountRequest(String fullName, String idDocumentType, String idDocumentNumber,
                                     String birthDate, ContactRequest contact, String subject) {

        /** The person, each field validated by its value type. */
        public PersonalData toPerson() {
            return new PersonalData(fullName, idDocumentType, idDocumentNumber, birthDate,
                    contact == null ? null : contact.toDetails());
        }
    }

    /** The identity-provider subject the learner signs in with. */
    public record SignInRequest(String subject) {
    }

    /** How to reach the learner. */
    public record ContactRequest(String phone, String email, String address) {
        ContactDetails toDetails() {
            return new ContactDetails(phone, email, address);
        }
    }

    /** Merge the named account into this one. */
    public record MergeRequest(String mergedLearnerNumber, String reason) {
    }

    /** Why the account is closed. */
    public record CloseRequest(String reason) {
    }

    @PostMapping
    @Operation(summary = "Open an account for a natural person; answers the new learner number")
    public ResponseEntity<Map<String, String>> open(@RequestBody OpenAccountRequest request, ActingOfficer actor) {
        PersonalData person = request.toPerson();
        Subject signIn = request.subject() == null ? null : Subject.of("subject", request.subject());
        String number = commands.send(new OpenAccount(person, signIn, actor), actor);
        return ResponseEntity.created(URI.create("/api/learners/" + number)).body(Map.of("learnerNumber", number));
    }

    @GetMapping("/{learnerNumber}")
    @Operation(summary = "The account with its achievements and credit totals; a merged account forwards (308)")
    public ResponseEntity<AccountView> account(@PathVariable String learnerNumber) {
        AccountView account = read(learnerNumber);
        if ("MERGED".equals(account.status())) {
            return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT)
                    .location(URI.create("/api/learners/" + account.mergedInto())).body(account);
        }
        return ResponseEntity.ok(account);
    }

    @GetMapping("/{learnerNumber}/archive")
    @Operation(summary = "The lifelong archive: every achievement of a life with its history, filtered and paged;"
            + " as it stood at an instant of recorded time (asOf) and/or only what was achieved before a date"
            + " (achievedBefore)")
    public ResponseEntity<byte[]> archive(@PathVariable String learnerNumber,
                                          @RequestParam(required = false) String kind,
                                          @RequestParam(required = false) String status,
                                          @RequestParam(required = false) String achievedFrom,
                                          @RequestParam(required = false) String achievedTo,
                                          @RequestParam(required = false) String achievedBefore,
                                          @RequestParam(required = false) String asOf,
                                          @RequestParam(defaultValue = "0") int offset,
                                          @RequestParam(defaultValue = "50") int limit) {
        String number = number(learnerNumber).value();
        Requests.requirePage(offset, limit);
        LocalDate to = Requests.date("achievedTo", achievedTo, false);
        LocalDate before = Requests.date("achievedBefore", achievedBefore, false);
        if (before != null && (to == null || !to.isBefore(before))) {
            to = before.minusDays(1);
        }
        ArchiveQueries.ArchiveFilter filter = new ArchiveQueries.ArchiveFilter(
                kind == null ? null : Requests.oneOf("kind", kind, AchievementKind.class).name(),
                status == null ? null : Requests.oneOf("status", status, AchievementStatus.class).name(),
                Requests.date("achievedFrom", achievedFrom, false), to);
        Instant at = Requests.instant("asOf", asOf);
        if (at == null) {
            ArchivePages.Page page = pages.page(number, Arrays.asList(filter, offset, limit),
                    () -> lifelong.live(number, filter, offset, limit));
            return ResponseEntity.ok().eTag(page.etag()).cacheControl(CacheControl.noStore())
                    .contentType(MediaType.APPLICATION_JSON).body(page.json());
        }
        Map<String, Object> then = lifelong.asOf(number, at, filter, offset, limit)
                .orElseThrow(() -> new UnknownAccount("learnerNumber", number));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(pages.write(then));
    }

    @PutMapping("/{learnerNumber}/contact")
    @Operation(summary = "Replace the learner's contact details (by an officer, or by the learner themselves)")
    public ResponseEntity<AccountView> contact(@PathVariable String learnerNumber, @RequestBody ContactRequest request,
                               @RequestHeader(name = CommandMetadata.BRANCH_HEADER, required = false) String branch) {
        LearnerNumber number = number(learnerNumber);
        if (request == null) {
            throw new InvalidField("contact", "is required");
        }
        LedgerPrincipal principal = principals.current();
        if (principal.learnerNumber() != null && !principal.isOfficer()) {
            commands.sendAsLearner(new UpdateContactDetails(number, request.toDetails(), null,
                    new Subject(principal.subject())));
        } else {
            ActingOfficer actor = ActingOfficerResolver.actor(principal, branch);
            commands.send(new UpdateContactDetails(number, request.toDetails(), actor, null), actor);
        }
        return afterAct(number.value());
    }

    @PostMapping("/{learnerNumber}/sign-in")
    @Operation(summary = "Bind the identity-provider subject the learner signs in with (an officer vouches for it)")
    public ResponseEntity<AccountView> signIn(@PathVariable String learnerNumber, @RequestBody SignInRequest request,
                              ActingOfficer actor) {
        LearnerNumber number = number(learnerNumber);
        commands.send(new BindSignIn(number, Subject.of("subject", request.subject()), actor), actor);
        return afterAct(number.value());
    }

    @PostMapping("/{learnerNumber}/merges")
    @Operation(summary = "Merge another account of the same person into this one")
    public ResponseEntity<AccountView> merge(@PathVariable String learnerNumber, @RequestBody MergeRequest request,
                             ActingOfficer actor) {
        LearnerNumber survivor = number(learnerNumber);
        LearnerNumber merged;
        try {
            merged = LearnerNumber.parse(request.mergedLearnerNumber());
        } catch (InvalidField e) {
            throw new InvalidField("mergedLearnerNumber", e.reason());
        }
        commands.send(new MergeAccounts(survivor, merged, request.reason(), actor), actor);
        return afterAct(survivor.value());
    }

    @PostMapping("/{learnerNumber}/closure")
    @Operation(summary = "Close the account; its history stays readable")
    public ResponseEntity<AccountView> close(@PathVariable String learnerNumber, @RequestBody CloseRequest request,
                             ActingOfficer actor) {
        LearnerNumber number = number(learnerNumber);
        commands.send(new CloseAccount(number, request.reason(), actor), actor);
        return afterAct(number.value());
    }

    /**
     * The account as the act left it, for a principal who may read it; an act by one who may not (a system client
     * without the read scope) is answered 204, so no act is a way to read an account.
     */
    private ResponseEntity<AccountView> afterAct(String learnerNumber) {
        if (!access.mayReadLearner(learnerNumber)) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.ok(read(learnerNumber));
    }

    static LearnerNumber number(String typed) {
        return LearnerNumber.parse(typed);
    }

    private AccountView read(String learnerNumber) {
        String number = number(learnerNumber).value();
        return queries.account(number).orElseThrow(() -> new UnknownAccount("learnerNumber", number));
    }
}
