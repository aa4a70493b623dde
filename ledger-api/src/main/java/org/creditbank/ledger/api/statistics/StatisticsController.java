package org.creditbank.ledger.api.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditbank.ledger.api.web.Requests;
import org.creditbank.ledger.projection.register.BranchView;
import org.creditbank.ledger.projection.statistics.StatisticsQueries;
import org.creditbank.ledger.projection.statistics.StatisticsQueries.Grouping;
import org.creditbank.ledger.projection.statistics.StatisticsQueries.Query;
import org.creditbank.ledger.projection.statistics.StatisticsQueries.Statistics;
import org.creditbank.ledger.rule.InvalidField;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Statistics and annual reports for operators and education authorities, as JSON or CSV by {@code Accept}. */
@RestController
@Tag(name = "Statistics", description = "Counts and credits by branch (rolled up), region, kind, level and period;"
        + " as of any instant of recorded time or valid-time date; annual reports")
public class StatisticsController {

    private static final String CSV = "text/csv";

    private final StatisticsQueries statistics;
    private final StatisticsScope scope;
    private final ZoneId zone;
    private final Clock clock;

    StatisticsController(StatisticsQueries statistics, StatisticsScope scope, ZoneId zone, Clock clock) {
        this.statistics = statistics;
        this.scope = scope;
        this.zone = zone;
        this.clock = clock;
    }

    @GetMapping(value = "/api/statistics", produces = "application/json")
    @Operation(summary = "Figures for a branch's jurisdiction (default: the whole network) over a period of recorded"
            + " time, optionally grouped (by=month|year|kind|level|unit|branch|region), as of an instant (asOf) or"
            + " counting only achievements achieved before a date (achievedBefore)")
    public Statistics statistics(@RequestParam(required = false) String branch,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String by,
                                 @RequestParam(required = false) String asOf,
                                 @RequestParam(required = false) String achievedBefore) {
        return statistics.statistics(query(branch, from, to, by, asOf, achievedBefore));
    }

    @GetMapping(value = "/api/statistics", produces = CSV)
    @Operation(summary = "The same figures as CSV: a TOTAL row, then one row per group")
    public String statisticsCsv(@RequestParam(required = false) String branch,
                                @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to,
                                @RequestParam(required = false) String by,
                                @RequestParam(required = false) String asOf,
                                @RequestParam(required = false) String achievedBefore) {
        Statistics answer = statistics(branch, from, to, by, asOf, achievedBefore);
        String section = answer.query().by() == null ? "group" : answer.query().by().name().toLowerCase();
        return StatisticsCsv.render(List.of(
                new StatisticsCsv.Section("total", List.of(new StatisticsQueries.Group("all", answer.totals()))),
                new StatisticsCsv.Section(section, answer.groups())));
    }

    @GetMapping(value = "/api/statistics/branches/{code}/annual-report", produces = "application/json")
    @Operation(summary = "A branch's annual operational report for a calendar year (in the ledger's time zone)")
    public AnnualReport annualReport(@PathVariable String code, @RequestParam(required = false) String year) {
        BranchView branch = scope.branch(code);
        int y = year(year);
        LocalDate from = LocalDate.of(y, 1, 1);
        LocalDate to = LocalDate.of(y, 12, 31);
        Statistics byMonth = statistics.statistics(new Query(branch.code(), from, to, Grouping.MONTH, null, null));
        return new AnnualReport(branch.code(), branch.name(), branch.tier(), y, zone.getId(), clock.instant(),
                byMonth.totals(), byMonth.groups(),
                statistics.statistics(new Query(branch.code(), from, to, Grouping.KIND, null, null)).groups(),
                statistics.statistics(new Query(branch.code(), from, to, Grouping.LEVEL, null, null)).groups(),
                statistics.statistics(new Query(branch.code(), from, to, Grouping.BRANCH, null, null)).groups());
    }

    @GetMapping(value = "/api/statistics/branches/{code}/annual-report", produces = CSV)
    @Operation(summary = "The annual report as CSV: sections total, month, kind, level and branch")
    public String annualReportCsv(@PathVariable String code, @RequestParam(required = false) String year) {
        AnnualReport report = annualReport(code, year);
        return StatisticsCsv.render(List.of(
                new StatisticsCsv.Section("total", List.of(new StatisticsQueries.Group(
                        report.branchCode() + " " + report.year(), report.totals()))),
                new StatisticsCsv.Section("month", report.byMonth()),
                new StatisticsCsv.Section("kind", report.byKind()),
                new StatisticsCsv.Section("level", report.byLevel()),
                new StatisticsCsv.Section("branch", report.byBranch())));
    }

    private Query query(String branch, String from, String to, String by, String asOf, String achievedBefore) {
        String code = scope.jurisdiction(branch);
        StatisticsScope.Period period = StatisticsScope.period(from, to);
        return new Query(code, period.from(), period.to(), by == null ? null : Requests.oneOf("by", by,
                Grouping.class), Requests.instant("asOf", asOf), Requests.date("achievedBefore", achievedBefore,
                false));
    }

    private static int year(String year) {
        if (year == null || year.isBlank()) {
            throw new InvalidField("year", "is required, like 2026");
        }
        try {
            int y = Integer.parseInt(year.strip());
            if (y >= 1900 && y <= 9999) {
                return y;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidField("year", "must be a year from 1900 to 9999, got \"" + year + "\"");
    }
}
