package org.creditbank.ledger.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditbank.ledger.api.web.Requests;
import org.creditbank.ledger.branch.BranchCode;
import org.creditbank.ledger.branch.OfficerId;
import org.creditbank.ledger.learner.LearnerNumber;
import org.creditbank.ledger.projection.actlog.ActLogQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** For auditors: who did what — every act on an account, by an officer, or within a branch's jurisdiction. */
@RestController
@Tag(name = "Audit", description = "Who did what, when, for which branch, under which correlation id")
public class AuditController {

    private final ActLogQueries audit;

    public AuditController(ActLogQueries audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit/acts")
    @Operation(summary = "Acts, newest first, filtered by learner, officer and/or branch (with the branches under it)")
    public List<ActLogQueries.Act> acts(@RequestParam(required = false) String learner,
                                       @RequestParam(required = false) String officer,
                                       @RequestParam(required = false) String branch,
                                       @RequestParam(defaultValue = "0") int offset,
                                       @RequestParam(defaultValue = "50") int limit) {
        Requests.requirePage(offset, limit);
        return audit.acts(new ActLogQueries.Filter(
                learner == null ? null : LearnerNumber.parse(learner).value(),
                officer == null ? null : OfficerId.of("officer", officer).value(),
                branch == null ? null : BranchCode.of("branch", branch).value()), offset, limit);
    }
}
