package org.creditbank.ledger.api.learner;

import org.creditbank.ledger.learner.AccountRefusals.UnknownAccount;
import org.creditbank.ledger.projection.archive.AccountView;
import org.creditbank.ledger.projection.archive.ArchiveQueries;
import org.creditbank.ledger.projection.archive.AsOfArchive;
import org.creditbank.ledger.projection.conversion.ConversionProjection;
import org.creditbank.ledger.projection.conversion.ConversionQueries;
import org.creditbank.ledger.projection.conversion.QualificationQueries;
import org.creditbank.ledger.projection.register.BranchRegisterReadModel;
import org.creditbank.ledger.readmodel.ReadModelSlots;
import org.creditbank.ledger.readmodel.Slot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lifelong archive as one answer: the account, a page of its achievements with their history, and the story of its
 * conversions — every application with how its sources were weighed and decided (and why a grant no longer stands) —
 * and of its awards; live, or exactly as it all stood at an instant of recorded time.
 */
@Component
class LifelongArchive {

    private final JdbcTemplate jdbc;
    private final ArchiveQueries archive;
    private final ConversionQueries conversions;
    private final QualificationQueries qualifications;
    private final AsOfArchive asOfArchive;
    private final ReadModelSlots slots;

    LifelongArchive(JdbcTemplate jdbc, ArchiveQueries archive, ConversionQueries conversions,
                    QualificationQueries qualifications, AsOfArchive asOfArchive, ReadModelSlots slots) {
        this.jdbc = jdbc;
        this.archive = archive;
        this.conversions = conversions;
        this.qualifications = qualifications;
        this.asOfArchive = asOfArchive;
        this.slots = slots;
    }

    /** The archive as it stands. */
    Map<String, Object> live(String learnerNumber, ArchiveQueries.ArchiveFilter filter, int offset, int limit) {
        AccountView account = archive.summary(learnerNumber)
                .orElseThrow(() -> new UnknownAccount("learnerNumber", learnerNumber));
        return answer(account, archive.archive(learnerNumber, filter, offset, limit), conversions, qualifications,
                null);
    }

    /** The archive as it stood at the instant; empty if the account had not been opened by then. */
    Optional<Map<String, Object>> asOf(String learnerNumber, Instant at, ArchiveQueries.ArchiveFilter filter,
                                       int offset, int limit) {
        ArchiveQueries scratch = new ArchiveQueries(jdbc, () -> Slot.SCRATCH, branches());
        ConversionQueries conversionsThen = new ConversionQueries(jdbc, () -> Slot.SCRATCH);
        QualificationQueries qualificationsThen = new QualificationQueries(jdbc, () -> Slot.SCRATCH,
                () -> Slot.SCRATCH, branches());
        return asOfArchive.read(learnerNumber, at, List.of(new ConversionProjection(jdbc, () -> Slot.SCRATCH)),
                () -> scratch.summary(learnerNumber).map(account -> answer(account, scratch.archive(learnerNumber,
                        filter, offset, limit), conversionsThen, qualificationsThen, at)));
    }

    private java.util.function.Supplier<Slot> branches() {
        return () -> slots.live(BranchRegisterReadModel.NAME);
    }

    private static Map<String, Object> answer(AccountView account, ArchiveQueries.Page page,
                                              ConversionQueries conversions, QualificationQueries qualifications,
                                              Instant asOf) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("learnerNumber", account.learnerNumber());
        answer.put("status", account.status());
        if (asOf != null) {
            answer.put("asOf", asOf);
        }
        answer.put("creditTotals", account.creditTotals());
        answer.put("offset", page.offset());
        answer.put("limit", page.limit());
        answer.put("total", page.total());
        answer.put("achievements", page.achievements());
        answer.put("conversions", conversions.ofLearner(account.learnerNumber(), ConversionQueries.MAX_PAGE));
        answer.put("qualifications", qualifications.awards(account.learnerNumber()));
        return answer;
    }
}
