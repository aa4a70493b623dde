package org.creditbank.ledger.api.statistics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.creditbank.ledger.projection.statistics.StatisticsQueries.Credit;
import org.creditbank.ledger.projection.statistics.StatisticsQueries.Figures;
import org.creditbank.ledger.projection.statistics.StatisticsQueries.Group;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Statistics as CSV (RFC 4180, Jackson's CSV module): one row per group, a {@code section} column saying which
 * grouping it belongs to, one column per count and one {@code credits:<unit>} column per unit system present.
 */
final class StatisticsCsv {

    private static final CsvMapper CSV = new CsvMapper();
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
        CsvSchema.Builder schema = CsvSchema.builder().addColumn("section").addColumn("key");
        COUNTS.forEach(schema::addColumn);
        units.forEach(unit -> schema.addColumn("credits:" + unit));
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
        try {
            return CSV.writer(schema.setUseHeader(true).build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
