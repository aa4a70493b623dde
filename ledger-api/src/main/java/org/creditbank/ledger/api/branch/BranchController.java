package org.creditbank.ledger.api.branch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditbank.ledger.api.web.LedgerCommands;
import org.creditbank.ledger.api.web.Requests;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.access.Subject;
import org.creditbank.ledger.api.identity.ReadAccess;
import org.creditbank.ledger.branch.BranchCode;
import org.creditbank.ledger.branch.BranchRole;
import org.creditbank.ledger.branch.BranchCommands.AppointOfficer;
import org.creditbank.ledger.branch.BranchCommands.BindOfficer;
import org.creditbank.ledger.branch.BranchCommands.CloseBranch;
import org.creditbank.ledger.branch.BranchCommands.RegisterBranch;
import org.creditbank.ledger.branch.BranchCommands.ReinstateBranch;
import org.creditbank.ledger.branch.BranchCommands.RemoveOfficer;
import org.creditbank.ledger.branch.BranchCommands.SuspendBranch;
import org.creditbank.ledger.branch.BranchTier;
import org.creditbank.ledger.branch.DivisionCode;
import org.creditbank.ledger.branch.OfficerId;
import org.creditbank.ledger.branch.UnknownBranch;
import org.creditbank.ledger.projection.actlog.ActLogQueries;
import org.creditbank.ledger.projection.register.BranchQueries;
import org.creditbank.ledger.projection.archive.ArchiveQueries;
import org.creditbank.ledger.projection.register.BranchView;
import org.creditbank.ledger.rule.InvalidField;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The branch network over HTTP: register, appoint and remove officers, suspend, reinstate, close; read the tree. */
@RestController
@RequestMapping("/api/branches")
@Tag(name = "Branches", description = "The branch network and its officers")
public class BranchController {

    private static final int MAX_DEPTH = 4;

    private final LedgerCommands commands;
    private final BranchQueries queries;
    private final ArchiveQueries accounts;
    private final ActLogQueries audit;
    private final ReadAccess access;

    public BranchController(LedgerCommands commands, BranchQueries queries, ArchiveQueries accounts,
                            ActLogQueries audit, ReadAccess access) {
        this.commands = commands;
        this.access = access;
        this.queries = queries;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** A new branch. {@code parentCode} is absent only for the provincial centre. */
    public record RegisterBranchRequest(String code, String name, String tier, String parentCode,
                                        String divisionCode) {

        /** The command, each field validated by its value type. */
        public RegisterBranch toCommand(ActingOfficer actor) {
            BranchCode branchCode = BranchCode.of("code", code);
            BranchTier branchTier = Requests.oneOf("tier", tier, BranchTier.class);
            BranchCode parent = parentCode == null || parentCode.isBlank() ? null
                    : BranchCode.of("parentCode", parentCode);
            return new RegisterBranch(branchCode, name, branchTier, parent,
                    DivisionCode.of("divisionCode", divisionCode), actor);
        }
    }

    /**
     * An officer to appoint: the identity-provider subject that signs in as them, the roles the appointment grants
     * (OFFICER, CERTIFIER, ADMINISTRATOR), and whether it is a system client rather than a person.
     */
    public record AppointOfficerRequest(String officerId, String name, String subject, List<String> roles,
                                        Boolean system) {

        /** The command appointing to {@code branch}, each field validated by its value type. */
        public AppointOfficer toCommand(BranchCode branch, ActingOfficer actor) {
            OfficerId officer = OfficerId.of("officerId", officerId);
            Subject signIn = Subject.of("subject", subject);
            Set<BranchRole> granted = EnumSet.noneOf(BranchRole.class);
            for (String role : roles == null ? List.<String>of() : roles) {
                granted.add(Requests.oneOf("roles", role, BranchRole.class));
            }
            return new AppointOfficer(branch, officer, name, signIn, granted, Boolean.TRUE.equals(system), actor);
        }
    }

    /** Why a status change or removal happens. */
    public record Reason(String reason) {
    }

    @PostMapping
    @Operation(summary = "Register a branch under its parent")
    public ResponseEntity<BranchView> register(@RequestBody RegisterBranchRequest request, ActingOfficer actor) {
        RegisterBranch command = request.toCommand(actor);
        commands.send(command, actor);
        String code = command.code().value();
        return ResponseEntity.created(URI.create("/api/branches/" + code)).body(view(code, 0));
    }

    @GetMapping
    @Operation(summary = "The network from the provincial centre down")
    public BranchView root(@RequestParam(defaultValue = "1") int depth) {
        access.network();
        String root = queries.root().orElseThrow(() -> new UnknownBranch("branchCode", "(provincial centre)"));
        return view(root, depth);
    }

    @GetMapping("/{code}")
    @Operation(summary = "A branch with its officers and its children")
    public BranchView branch(@PathVariable String code, @RequestParam(defaultValue = "1") int depth) {
        access.network();
        return view(BranchCode.of("code", code).value(), depth);
    }

    @GetMapping("/{code}/queue")
    @Operation(summary = "Achievements awaiting certification in the branch's jurisdiction, oldest first")
    public ArchiveQueries.Page queue(@PathVariable String code, @RequestParam(defaultValue = "0") int offset,
                                     @RequestParam(defaultValue = "50") int limit) {
        String branch = view(BranchCode.of("code", code).value(), 0).code();
        access.branch(branch);
        Requests.requirePage(offset, limit);
        return accounts.awaitingCertification(branch, offset, limit);
    }

    @GetMapping("/{code}/activity")
    @Operation(summary = "The latest acts in the branch's jurisdiction: who, for which branch, when, correlation id")
    public List<ActLogQueries.Act> activity(@PathVariable String code, @RequestParam(defaultValue = "0") int offset,
                                           @RequestParam(defaultValue = "50") int limit) {
        String branch = view(BranchCode.of("code", code).value(), 0).code();
        access.branch(branch);
        access.branch(branch);
        Requests.requirePage(offset, limit);
        return audit.acts(new ActLogQueries.Filter(null, null, branch), offset, limit);
    }

    @PostMapping("/{code}/officers")
    @Operation(summary = "Appoint an officer to the branch")
    public ResponseEntity<BranchView> appoint(@PathVariable String code, @RequestBody AppointOfficerRequest request,
                                              ActingOfficer actor) {
        BranchCode branch = BranchCode.of("code", code);
        commands.send(request.toCommand(branch, actor), actor);
        return ResponseEntity.created(URI.create("/api/branches/" + branch.value())).body(view(branch.value(), 0));
    }

    /** The identity-provider subject that signs in as an officer. */
    public record SubjectRequest(String subject) {
    }

    @PutMapping("/{code}/officers/{officerId}/subject")
    @Operation(summary = "Bind the identity-provider subject that signs in as an officer of the branch (from above)")
    public BranchView bind(@PathVariable String code, @PathVariable String officerId,
                           @RequestBody SubjectRequest request, ActingOfficer actor) {
        OfficerId officer = OfficerId.of("officerId", officerId);
        Subject subject = Subject.of("subject", request.subject());
        return act(code, branch -> new BindOfficer(branch, officer, subject, actor), actor);
    }

    @PostMapping("/{code}/officers/{officerId}/removal")
    @Operation(summary = "Remove an officer from the branch")
    public BranchView remove(@PathVariable String code, @PathVariable String officerId,
                             @RequestBody Reason request, ActingOfficer actor) {
        OfficerId officer = OfficerId.of("officerId", officerId);
        return act(code, branch -> new RemoveOfficer(branch, officer, request.reason(), actor), actor);
    }

    @PostMapping("/{code}/suspension")
    @Operation(summary = "Suspend the branch (from a branch above it)")
    public BranchView suspend(@PathVariable String code, @RequestBody Reason request, ActingOfficer actor) {
        return act(code, branch -> new SuspendBranch(branch, request.reason(), actor), actor);
    }

    @PostMapping("/{code}/reinstatement")
    @Operation(summary = "Reinstate a suspended branch (from a branch above it)")
    public BranchView reinstate(@PathVariable String code, @RequestBody Reason request, ActingOfficer actor) {
        return act(code, branch -> new ReinstateBranch(branch, request.reason(), actor), actor);
    }

    @PostMapping("/{code}/closure")
    @Operation(summary = "Close the branch for good (from a branch above it)")
    public BranchView close(@PathVariable String code, @RequestBody Reason request, ActingOfficer actor) {
        return act(code, branch -> new CloseBranch(branch, request.reason(), actor), actor);
    }

    /** Sends the command made for the branch named in the path and answers the branch as it now stands. */
    private BranchView act(String code, Function<BranchCode, Object> command, ActingOfficer actor) {
        BranchCode branch = BranchCode.of("code", code);
        commands.send(command.apply(branch), actor);
        return view(branch.value(), 0);
    }

    private BranchView view(String code, int depth) {
        if (depth < 0 || depth > MAX_DEPTH) {
            throw new InvalidField("depth", "must be 0 to " + MAX_DEPTH);
        }
        return queries.branch(code, depth).orElseThrow(() -> new UnknownBranch("code", code));
    }
}
