package org.creditbank.ledger.api.transcript;

import org.creditbank.ledger.api.log.CheckpointSigner;
import org.creditbank.ledger.learner.AccountRefusals.UnknownAccount;
import org.creditbank.ledger.projection.archive.ArchiveQueries;
import org.creditbank.ledger.projection.conversion.ConversionQueries;
import org.creditbank.ledger.projection.archive.AccountView;
import org.creditbank.ledger.projection.archive.AchievementView;
import org.creditbank.ledger.projection.log.JdbcLogStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Makes transcripts from the account read model, stating the log checkpoint they are consistent with. */
@Component
public class TranscriptService {

    private static final int PAGE = 500;

    private final ArchiveQueries accounts;
    private final ConversionQueries conversions;
    private final JdbcLogStore log;
    private final CheckpointSigner signer;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public TranscriptService(ArchiveQueries accounts, ConversionQueries conversions, JdbcLogStore log,
                             CheckpointSigner signer, JdbcTemplate jdbc, Clock clock) {
        this.accounts = accounts;
        this.conversions = conversions;
        this.log = log;
        this.signer = signer;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The transcript of the whole life, or only of what {@code awardingBody} awarded (when not null). */
    public Transcript transcript(String learnerNumber, String awardingBody) {
        AccountView account = accounts.account(learnerNumber)
                .orElseThrow(() -> new UnknownAccount("learnerNumber", learnerNumber));
        List<Transcript.Line> lines = new ArrayList<>();
        ArchiveQueries.ArchiveFilter certified = new ArchiveQueries.ArchiveFilter(null, "CERTIFIED", null, null);
        for (int offset = 0; ; offset += PAGE) {
            ArchiveQueries.Page page = accounts.archive(learnerNumber, certified, offset, PAGE);
            for (AchievementView a : page.achievements()) {
                if (awardingBody == null || awardingBody.equalsIgnoreCase(a.awardingBody())) {
                    lines.add(new Transcript.Line(a.achievedOn(), a.kind(), a.title(), a.awardingBody(),
                            a.credits().amount(), a.credits().unit(),
                            a.result() == null ? null : a.result().scheme() + " " + a.result().value(),
                            a.achievementId()));
                }
            }
            if (offset + PAGE >= page.total()) {
                break;
            }
        }
        Map<String, BigDecimal> sums = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Transcript.Line line : lines) {
            sums.merge(line.creditUnit(), line.credits(), BigDecimal::add);
            counts.merge(line.creditUnit(), 1, Integer::sum);
        }
        List<Transcript.Total> totals = sums.entrySet().stream().map(e -> new Transcript.Total(e.getKey(),
                e.getValue().stripTrailingZeros(), counts.get(e.getKey()))).toList();
        List<Transcript.Conversion> converted = awardingBody != null ? List.of()
                : conversions.ofLearner(account.learnerNumber(), ConversionQueries.MAX_PAGE).stream()
                .filter(c -> "GRANTED".equals(c.status()))
                .map(c -> new Transcript.Conversion(c.grantedOn(), c.institution(), c.programme(),
                        c.credits().stripTrailingZeros(), c.creditUnit(), (int) c.sources().stream()
                        .filter(s -> "GRANTED".equals(s.outcome())).count(), c.applicationId()))
                .sorted(java.util.Comparator.comparing(Transcript.Conversion::grantedOn)
                        .thenComparing(Transcript.Conversion::applicationId))
                .toList();
        return new Transcript(account.learnerNumber(), account.fullName(),
                awardingBody == null ? "whole life" : awardingBody, clock.instant(), lines, totals, converted,
                checkpoint(account.learnerNumber()));
    }

    private Transcript.CheckpointReference checkpoint(String learnerNumber) {
        Long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, learnerNumber);
        long all = events == null ? 0 : events;
        return log.latestCheckpoint().map(c -> {
            Long covered = jdbc.queryForObject("SELECT COUNT(*) FROM log_leaf WHERE aggregate_identifier = ?"
                    + " AND leaf_index < ?", Long.class, learnerNumber, c.treeSize());
            long inLog = covered == null ? 0 : covered;
            return new Transcript.CheckpointReference(signer.origin(), c.treeSize(), inLog == all, all - inLog);
        }).orElse(new Transcript.CheckpointReference(signer.origin(), 0, all == 0, all));
    }
}
