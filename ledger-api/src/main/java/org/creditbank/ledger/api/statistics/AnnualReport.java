package org.creditbank.ledger.api.statistics;

import org.creditbank.ledger.projection.statistics.StatisticsQueries.Figures;
import org.creditbank.ledger.projection.statistics.StatisticsQueries.Group;

import java.time.Instant;
import java.util.List;

/**
 * A branch's annual operational report: the year's figures for its whole jurisdiction, by month, kind, level and by
 * the branch itself and each child's subtree (whose counts and credits add up to the totals).
 *
 * @param generatedAt when the report was made; statistics follow the events within moments
 */
public record AnnualReport(String branchCode, String branchName, String tier, int year, String timeZone,
                           Instant generatedAt, Figures totals, List<Group> byMonth, List<Group> byKind,
                           List<Group> byLevel, List<Group> byBranch) {
}
