package org.creditbank.ledger.api.group;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditbank.ledger.access.Subject;
import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.api.identity.LedgerPrincipal;
import org.creditbank.ledger.api.identity.NotPermitted;
import org.creditbank.ledger.api.identity.Principals;
import org.creditbank.ledger.api.web.ActingOfficerResolver;
import org.creditbank.ledger.api.web.CommandMetadata;
import org.creditbank.ledger.api.web.LedgerCommands;
import org.creditbank.ledger.api.web.Requests;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.group.GroupCommands.AcceptInvitation;
import org.creditbank.ledger.group.GroupCommands.Actor;
import org.creditbank.ledger.group.GroupCommands.FormGroup;
import org.creditbank.ledger.group.GroupCommands.InviteMember;
import org.creditbank.ledger.group.GroupCommands.LeaveGroup;
import org.creditbank.ledger.group.GroupCommands.TransferPoints;
import org.creditbank.ledger.group.GroupId;
import org.creditbank.ledger.group.GroupRefusals.UnknownGroup;
import org.creditbank.ledger.group.PointsRule.PointsRuleId;
import org.creditbank.ledger.group.PointsRule.PublishPointsRule;
import org.creditbank.ledger.group.PointsTerms;
import org.creditbank.ledger.learner.LearnerNumber;
import org.creditbank.ledger.projection.points.JdbcPointsLedger;
import org.creditbank.ledger.projection.points.JdbcPointsLedger.Entry;
import org.creditbank.ledger.projection.points.JdbcPointsLedger.GroupView;
import org.creditbank.ledger.rule.InvalidField;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * Learning groups and points over HTTP: a family, school or interest group formed, joined and left by learners (or
 * an officer on their behalf); the network's points rule; points given within a family; a learner's balance.
 */
@RestController
@Tag(name = "Groups and points", description = "Family, school and interest groups, and learning points")
public class GroupController {

    private final LedgerCommands commands;
    private final JdbcPointsLedger ledger;
    private final Principals principals;

    public GroupController(LedgerCommands commands, JdbcPointsLedger ledger, Principals principals) {
        this.commands = commands;
        this.ledger = ledger;
        this.principals = principals;
    }

    /** The network's points rule: which kinds earn points, and how many a standard credit earns. */
    public record PointsRuleRequest(String ruleId, List<String> kinds, BigDecimal pointsPerCredit,
                                    String effectiveFrom, String effectiveUntil) {
    }

    /** A group to form, its founder (in a family, with their generation: 1 the eldest). */
    public record GroupRequest(String groupId, String kind, String name, String founder, Integer generation) {
    }

    /** An invitation, by a member, of a learner (with their generation, in a family). */
    public record InvitationRequest(String invitedBy, String learnerNumber, Integer generation) {
    }

    /** Points given from one member of a family to a younger one; the transfer id makes a repeat the same transfer. */
    public record TransferRequest(String transferId, String from, String to, BigDecimal points) {
    }

    /** A learner's points: the balance and the latest entries. */
    public record PointsView(String learnerNumber, BigDecimal balance, List<Entry> entries) {
    }

    @PostMapping("/api/points-rules")
    @Operation(summary = "Publish the network's learning-points rule, or its next version from a later date, as an"
            + " officer of the provincial centre")
    public ResponseEntity<Void> publishPointsRule(@RequestBody PointsRuleRequest request, ActingOfficer actor) {
        InvalidField.require("pointsRule", request);
        List<AchievementKind> kinds = request.kinds() == null ? null : request.kinds().stream()
                .map(k -> Requests.oneOf("kinds", k, AchievementKind.class)).toList();
        commands.send(new PublishPointsRule(new PointsRuleId(request.ruleId()), new PointsTerms(kinds,
                request.pointsPerCredit(), Requests.date("effectiveFrom", request.effectiveFrom(), true),
                Requests.date("effectiveUntil", request.effectiveUntil(), false)), actor), actor);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/groups")
    @Operation(summary = "Form a family, school or interest group, its founder its first member (201)")
    public ResponseEntity<GroupView> form(@RequestBody GroupRequest request,
                                          @RequestHeader(name = CommandMetadata.BRANCH_HEADER, required = false)
                                          String branch) {
        InvalidField.require("group", request);
        GroupId group = new GroupId(request.groupId());
        LearnerNumber founder = LearnerNumber.parse(InvalidField.require("founder", request.founder()));
        send(actor -> new FormGroup(group, request.kind(), request.name(), founder, request.generation(), actor),
                branch);
        return ResponseEntity.created(URI.create("/api/groups/" + group.value())).body(read(group.value()));
    }

    @GetMapping("/api/groups/{groupId}")
    @Operation(summary = "A group and its members (to its members, officers and auditors)")
    public GroupView group(@PathVariable String groupId) {
        String id = new GroupId(groupId).value();
        LedgerPrincipal principal = principals.current();
        boolean anyGroup = principal.isOfficer() || principal.isAuditor();
        // A learner outside a group is refused alike whether or not it exists: group ids are not to be probed.
        GroupView group = ledger.group(id).filter(found -> anyGroup || found.members().stream()
                .anyMatch(m -> m.learnerNumber().equals(principal.learnerNumber()))).orElse(null);
        if (group == null && !anyGroup) {
            throw new NotPermitted("Authorization", "a group is read by its members, officers and auditors");
        }
        return group != null ? group : read(id);
    }

    @PostMapping("/api/groups/{groupId}/invitations")
    @Operation(summary = "Invite a learner to the group, as a member (or an officer on the member's behalf)")
    public GroupView invite(@PathVariable String groupId, @RequestBody InvitationRequest request,
                            @RequestHeader(name = CommandMetadata.BRANCH_HEADER, required = false) String branch) {
        GroupId group = new GroupId(groupId);
        InvalidField.require("invitation", request);
        LearnerNumber by = LearnerNumber.parse(InvalidField.require("invitedBy", request.invitedBy()));
        LearnerNumber learner = LearnerNumber.parse(InvalidField.require("learnerNumber", request.learnerNumber()));
        send(actor -> new InviteMember(group, by, learner, request.generation(), actor), branch);
        return read(group.value());
    }

    @PostMapping("/api/groups/{groupId}/members/{learnerNumber}/acceptance")
    @Operation(summary = "Join the group one was invited to")
    public GroupView accept(@PathVariable String groupId, @PathVariable String learnerNumber,
                            @RequestHeader(name = CommandMetadata.BRANCH_HEADER, required = false) String branch) {
        return memberAct(groupId, learnerNumber, branch, AcceptInvitation::new);
    }

    @PostMapping("/api/groups/{groupId}/members/{learnerNumber}/departure")
    @Operation(summary = "Leave the group")
    public GroupView leave(@PathVariable String groupId, @PathVariable String learnerNumber,
                           @RequestHeader(name = CommandMetadata.BRANCH_HEADER, required = false) String branch) {
        return memberAct(groupId, learnerNumber, branch, LeaveGroup::new);
    }

    /** A member's own act on their membership (or an officer's on their behalf); answers the group as it now is. */
    private GroupView memberAct(String groupId, String learnerNumber, String branch, MemberCommand command) {
        GroupId group = new GroupId(groupId);
        LearnerNumber learner = LearnerNumber.parse(learnerNumber);
        send(actor -> command.of(group, learner, actor), branch);
        return read(group.value());
    }

    /** A command about one member of a group. */
    private interface MemberCommand {
        Object of(GroupId group, LearnerNumber learner, Actor actor);
    }

    @PostMapping("/api/groups/{groupId}/transfers")
    @Operation(summary = "Give points to a younger member of one's family: atomic, never below zero, and the same"
            + " transfer id is the same transfer")
    public PointsView transfer(@PathVariable String groupId, @RequestBody TransferRequest request,
                               @RequestHeader(name = CommandMetadata.BRANCH_HEADER, required = false) String branch) {
        GroupId group = new GroupId(groupId);
        InvalidField.require("transfer", request);
        LearnerNumber from = LearnerNumber.parse(InvalidField.require("from", request.from()));
        LearnerNumber to = LearnerNumber.parse(InvalidField.require("to", request.to()));
        send(actor -> new TransferPoints(group, request.transferId(), from, to, request.points(), actor), branch);
        return points(from.value(), 10);
    }

    @GetMapping("/api/learners/{learnerNumber}/points")
    @Operation(summary = "The learner's points balance and latest entries (earned, given, received)")
    public PointsView learnerPoints(@PathVariable String learnerNumber, @RequestParam(defaultValue = "50") int limit) {
        Requests.requirePage(0, limit);
        return points(LearnerNumber.parse(learnerNumber).value(), limit);
    }

    private PointsView points(String learner, int limit) {
        return new PointsView(learner, ledger.balanceOf(learner), ledger.entries(learner, limit));
    }

    /** Sends the command as the learner signed in, or as the officer acting for a branch. */
    private void send(Function<Actor, Object> command, String branch) {
        LedgerPrincipal principal = principals.current();
        if (principal.learnerNumber() != null && !principal.isOfficer()) {
            commands.sendAsLearner(command.apply(new Actor(null, new Subject(principal.subject()))));
        } else {
            ActingOfficer officer = ActingOfficerResolver.actor(principal, branch);
            commands.send(command.apply(new Actor(officer, null)), officer);
        }
    }

    private GroupView read(String groupId) {
        return ledger.group(groupId).orElseThrow(() -> new UnknownGroup(groupId));
    }
}
