package org.creditbank.ledger.api.statistics;

import org.creditbank.ledger.api.web.SpreadsheetCsv;
import org.creditbank.ledger.projection.statistics.StatisticsQueries.Credit;
import org.creditbank.ledger.projection.statistics.StatisticsQueries.Figures;
import org.creditbank.ledger.projection.statistics.StatisticsQueries.Group;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Statistics as CSV ({@link SpreadsheetCsv}: text that would start a formula is quoted): one row per group, a
 * {@code section} column saying which grouping it belongs to, one column per count and one {@code credits:<unit>}
 * column per unit system present.
 */
final class StatisticsCsv {

    private static final List<String> COUNTS = List.of("accountsOpened", "accountsMerged", "accountsClosed",
            "achievementsRecorded", "achievementsCertified", "achievementsRejected", "achievementsCorrected",
            "achievementsRevoked", "achievementsSuperseded", "activeLearners");

    private StatisticsCsv() {
    }

    /** A section of rows: its name and groups. */
    record Section(String name, List<Group> groups) {
    }

    static String render(List<Section> sections) {
        Set<String> units = new TreeSet<>();
        sections.forEach(s -> s.groups().forEach(g -> g.figures().creditsDeposited()
                .forEach(c -> units.add(c.unit()))));
        List<String> columns = new ArrayList<>(List.of("section", "key"));
        columns.addAll(COUNTS);
        units.forEach(unit -> columns.add("credits:" + unit));
        List<List<String>> rows = new ArrayList<>();
        for (Section section : sections) {
            for (Group group : section.groups()) {
                Figures f = group.figures();
                List<String> row = new ArrayList<>(List.of(section.name(), group.key()));
                Stream.of(f.accountsOpened(), f.accountsMerged(), f.accountsClosed(), f.achievementsRecorded(),
                        f.achievementsCertified(), f.achievementsRejected(), f.achievementsCorrected(),
                        f.achievementsRevoked(), f.achievementsSuperseded()).forEach(n -> row.add(String.valueOf(n)));
                row.add(f.activeLearners() == null ? "" : String.valueOf(f.activeLearners()));
                for (String unit : units) {
                    row.add(f.creditsDeposited().stream().filter(c -> c.unit().equals(unit)).findFirst()
                            .map(Credit::amount).map(a -> a.toPlainString()).orElse("0"));
                }
                rows.add(row);
            }
        }
        return SpreadsheetCsv.write(columns, rows);
    }
}
