package org.creditbank.ledger.conversion;

import org.creditbank.ledger.achievement.Credits;
import org.creditbank.ledger.rule.InvalidField;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;

/**
 * What a recognition rule grants for one source achievement toward its programme: credits in the programme's unit,
 * toward one of its courses or the programme as a whole; or the exemption of named courses (免修免考), each with its
 * credits, which then count toward the programme.
 *
 * @param unit       the unit of the credits granted: the programme's own (a rule is the only way units change)
 * @param credits    the credits granted, when no course is exempted
 * @param course     the course the credits count toward, or null for the programme as a whole
 * @param exemptions the courses exempted, instead of {@code credits}
 */
public record RuleGrant(String unit, BigDecimal credits, String course, List<Exemption> exemptions) {

    /** A course exempted, with its credits. */
    public record Exemption(String course, BigDecimal credits) {
        public Exemption {
            course = ProgrammeCode.requireCourse("grant.exemptions.course", course);
            new Credits(InvalidField.require("grant.exemptions.credits", credits), "BANK_CREDIT");
        }
    }

    public RuleGrant {
        if (exemptions != null && exemptions.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidField("grant.exemptions", "holds an empty entry");
        }
        exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
        if (exemptions.isEmpty()) {
            new Credits(InvalidField.require("grant.credits", credits), InvalidField.require("grant.unit", unit));
            course = course == null ? null : ProgrammeCode.requireCourse("grant.course", course);
        } else {
            if (credits != null || course != null) {
                throw new InvalidField("grant.exemptions",
                        "cannot be given with credits or a course: a rule grants credits or exempts courses");
            }
            new Credits(BigDecimal.ONE, InvalidField.require("grant.unit", unit));
            if (new HashSet<>(exemptions.stream().map(Exemption::course).toList()).size() < exemptions.size()) {
                throw new InvalidField("grant.exemptions", "names a course twice");
            }
        }
    }

    /** The credits the grant counts toward the programme: the credits, or the exempted courses' together. */
    public BigDecimal total() {
        return exemptions.isEmpty() ? credits
                : exemptions.stream().map(Exemption::credits).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

}
