package org.creditbank.ledger.api.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditbank.ledger.api.web.Requests;
import org.creditbank.ledger.api.web.SpreadsheetCsv;
import org.creditbank.ledger.projection.conversion.ConversionStatisticsQueries;
import org.creditbank.ledger.projection.conversion.ConversionStatisticsQueries.Credit;
import org.creditbank.ledger.projection.conversion.ConversionStatisticsQueries.Figures;
import org.creditbank.ledger.projection.conversion.ConversionStatisticsQueries.Group;
import org.creditbank.ledger.projection.conversion.ConversionStatisticsQueries.Grouping;
import org.creditbank.ledger.projection.conversion.ConversionStatisticsQueries.Query;
import org.creditbank.ledger.projection.conversion.ConversionStatisticsQueries.Statistics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The statistics of conversions, as JSON or CSV by {@code Accept}. */
@RestController
@Tag(name = "Statistics")
public class ConversionStatisticsController {

    private final ConversionStatisticsQueries statistics;
    private final StatisticsScope scope;

    ConversionStatisticsController(ConversionStatisticsQueries statistics, StatisticsScope scope) {
        this.statistics = statistics;
        this.scope = scope;
    }

    @GetMapping(value = "/api/statistics/conversions", produces = "application/json")
    @Operation(summary = "Conversion applications, grants, refusals, invalidations, credits converted and hours"
            + " converted, for the institutions of a branch's jurisdiction (default: the whole network) over a period"
            + " of days, optionally grouped (by=month|year|institution|branch|rule)")
    public Statistics conversions(@RequestParam(required = false) String branch,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String by) {
        String code = scope.jurisdiction(branch);
        StatisticsScope.Period period = StatisticsScope.period(from, to);
        return statistics.statistics(new Query(code, period.from(), period.to(),
                by == null ? null : Requests.oneOf("by", by, Grouping.class)));
    }

    @GetMapping(value = "/api/statistics/conversions", produces = "text/csv")
    @Operation(summary = "The same figures as CSV: a total row, then one row per group; a column per unit's credits")
    public String conversionsCsv(@RequestParam(required = false) String branch,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String by) {
        Statistics answer = conversions(branch, from, to, by);
        List<Group> rows = new ArrayList<>();
        rows.add(new Group("all", answer.totals()));
        rows.addAll(answer.groups());
        Set<String> units = new TreeSet<>();
        rows.forEach(g -> Stream.concat(g.figures().creditsGranted().stream(),
                g.figures().creditsInvalidated().stream()).forEach(c -> units.add(c.unit())));
        List<String> columns = new ArrayList<>(List.of("section", "key", "applications", "granted", "refused",
                "invalidated", "sourcesGranted", "sourcesRefused", "sourcesInvalidated", "hoursConversions",
                "hoursCredits"));
        units.forEach(unit -> columns.add("creditsGranted:" + unit));
        units.forEach(unit -> columns.add("creditsInvalidated:" + unit));
        String section = answer.query().by() == null ? "group" : answer.query().by().name().toLowerCase();
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Figures f = rows.get(i).figures();
            List<String> row = new ArrayList<>(List.of(i == 0 ? "total" : section, rows.get(i).key()));
            Stream.of(f.applications(), f.granted(), f.refused(), f.invalidated(), f.sourcesGranted(),
                    f.sourcesRefused(), f.sourcesInvalidated(), f.hoursConversions())
                    .forEach(n -> row.add(String.valueOf(n)));
            row.add(f.hoursCredits().toPlainString());
            units.forEach(unit -> row.add(amount(f.creditsGranted(), unit)));
            units.forEach(unit -> row.add(amount(f.creditsInvalidated(), unit)));
            cells.add(row);
        }
        return SpreadsheetCsv.write(columns, cells);
    }

    private static String amount(List<Credit> credits, String unit) {
        return credits.stream().filter(c -> c.unit().equals(unit)).findFirst().map(c -> c.amount().toPlainString())
                .orElse("0");
    }
}
