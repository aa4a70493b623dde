package org.creditbank.ledger.conversion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How far a learner's credits toward a programme go toward a qualification: the one rule the award and the progress
 * report both follow. Every threshold is compared in exact decimals.
 *
 * @param lines the credit lines counted
 * @param unmet each threshold not met, in words
 */
public record QualificationProgress(BigDecimal total, BigDecimal atInstitution, List<GroupProgress> groups,
                                    List<String> requiredMissing, List<CreditLine> lines, List<String> unmet) {

    /** A group's credits, against what it needs. */
    public record GroupProgress(String name, BigDecimal credits, BigDecimal needed) {
    }

    /** Whether every threshold is met. */
    public boolean met() {
        return unmet.isEmpty();
    }

    /** The progress of these credit lines toward the qualification. */
    public static QualificationProgress of(QualificationTerms terms, String unit, List<CreditLine> lines) {
        BigDecimal total = sum(lines, line -> true);
        BigDecimal atInstitution = sum(lines, CreditLine::atInstitution);
        List<String> unmet = new ArrayList<>();
        if (total.compareTo(terms.totalCredits()) < 0) {
            unmet.add("total credits " + plain(total) + " of " + plain(terms.totalCredits()) + " " + unit);
        }
        if (terms.minAtInstitution() != null && atInstitution.compareTo(terms.minAtInstitution()) < 0) {
            unmet.add("credits earned at the institution " + plain(atInstitution) + " of "
                    + plain(terms.minAtInstitution()));
        }
        List<GroupProgress> groups = new ArrayList<>();
        for (QualificationTerms.Group group : terms.groups()) {
            BigDecimal credits = sum(lines, line -> line.course() != null && group.courses().contains(line.course()));
            groups.add(new GroupProgress(group.name(), credits, group.minCredits()));
            if (credits.compareTo(group.minCredits()) < 0) {
                unmet.add("group " + group.name() + " " + plain(credits) + " of " + plain(group.minCredits()));
            }
        }
        Set<String> courses = new LinkedHashSet<>();
        lines.forEach(line -> courses.add(line.course()));
        List<String> missing = terms.requiredCourses().stream().filter(c -> !courses.contains(c)).toList();
        if (!missing.isEmpty()) {
            unmet.add("required courses missing: " + String.join(", ", missing));
        }
        return new QualificationProgress(total, atInstitution, List.copyOf(groups), missing, List.copyOf(lines),
                List.copyOf(unmet));
    }

    private static BigDecimal sum(List<CreditLine> lines, java.util.function.Predicate<CreditLine> which) {
        return lines.stream().filter(which).map(CreditLine::credits).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
