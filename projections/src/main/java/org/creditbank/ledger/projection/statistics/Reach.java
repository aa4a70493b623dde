package org.creditbank.ledger.projection.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where and when an active learner is counted ahead ({@code stat_reach_count}): at every node an act at a branch
 * belongs to — the whole network, the jurisdiction of the branch and of each branch above it, the branch's own acts,
 * and the branch's administrative region — and in every period its month belongs to — all time, its year, its month.
 * Branches never move, so a branch's nodes are fixed when it is registered.
 */
public final class Reach {

    /** The node of the whole network, and the period of all time. */
    public static final String ALL = "*";

    /**
     * The periods of each month seen, named once: a rebuild asks for them millions of times, over a few hundred
     * months at most (twelve a year of recorded time).
     */
    private static final Map<LocalDate, List<String>> PERIODS = new ConcurrentHashMap<>();

    private Reach() {
    }

    /** The node of the acts performed at the branch itself (not below it). */
    public static String own(String branch) {
        return "=" + branch;
    }

    /** The node of the acts at every branch of an administrative region (a division code). */
    public static String region(String division) {
        return "@" + division;
    }

    /** The node of a branch's jurisdiction; the whole network for null. */
    public static String jurisdiction(String branch) {
        return branch == null ? ALL : branch;
    }

    /**
     * Every node an act at {@code branch} counts at.
     *
     * @param lineage  the branch's path from the top, {@code /ZJ-CENTRE/HZ-BRANCH/}
     * @param division the branch's administrative division code
     */
    public static List<String> nodes(String branch, String lineage, String division) {
        List<String> nodes = new ArrayList<>(List.of(ALL, own(branch), region(division)));
        for (String code : lineage.split("/")) {
            if (!code.isEmpty()) {
                nodes.add(code);
            }
        }
        return nodes;
    }

    /** Every period an act in the month of {@code day} counts in. */
    public static List<String> periods(LocalDate day) {
        return PERIODS.computeIfAbsent(day.withDayOfMonth(1), month -> List.of(ALL, year(month.getYear()),
                month(month)));
    }

    /**
     * The months of a period: the first month's first day and the day after the last month, or null for all time.
     */
    public static LocalDate[] months(String period) {
        if (period.equals(ALL)) {
            return null;
        }
        if (period.length() == 4) {
            LocalDate first = LocalDate.of(Integer.parseInt(period), 1, 1);
            return new LocalDate[] {first, first.plusYears(1)};
        }
        LocalDate first = LocalDate.parse(period + "-01");
        return new LocalDate[] {first, first.plusMonths(1)};
    }

    /** The period of a year. */
    public static String year(int year) {
        return String.format("%04d", year);
    }

    /** The period of the month that {@code day} is in. */
    public static String month(LocalDate day) {
        return String.format("%04d-%02d", day.getYear(), day.getMonthValue());
    }
}
