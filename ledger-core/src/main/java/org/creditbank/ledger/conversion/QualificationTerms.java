package org.creditbank.ledger.conversion;

import org.creditbank.ledger.achievement.Credits;
import org.creditbank.ledger.rule.InvalidField;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;

/**
 * A qualification as its institution defines it: what it is, the programme whose credits count toward it, and the
 * thresholds a learner must meet for it to be awarded.
 *
 * @param kind             {@code DEGREE}, {@code GRADUATION_CERTIFICATE} or {@code CERTIFICATE_OF_COMPLETION}
 * @param totalCredits     the credits needed in all, in the programme's unit
 * @param minAtInstitution the credits that must be earned at the institution itself (not converted), or null
 * @param groups           groups of courses, each with the credits needed from its courses
 * @param requiredCourses  courses that must each be passed or exempted
 */
public record QualificationTerms(String title, String kind, String programme, BigDecimal totalCredits,
                                 BigDecimal minAtInstitution, List<Group> groups, List<String> requiredCourses) {

    /** The kinds of qualification. */
    public static final List<String> KINDS = List.of("DEGREE", "GRADUATION_CERTIFICATE", "CERTIFICATE_OF_COMPLETION");

    /** A group of courses, and the credits needed from them. */
    public record Group(String name, List<String> courses, BigDecimal minCredits) {
        public Group {
            name = InvalidField.requireText("groups.name", name, 255);
            if (courses == null || courses.isEmpty()) {
                throw new InvalidField("groups.courses", "names no course");
            }
            courses = courses.stream().map(c -> ProgrammeCode.requireCourse("groups.courses", c)).toList();
            amount("groups.minCredits", InvalidField.require("groups.minCredits", minCredits));
        }
    }

    public QualificationTerms {
        title = InvalidField.requireText("title", title, 512);
        if (kind == null || !KINDS.contains(kind)) {
            throw new InvalidField("kind", "must be one of " + String.join(", ", KINDS) + ", got "
                    + (kind == null ? "nothing" : "\"" + kind + "\""));
        }
        programme = ProgrammeCode.requireProgramme("programme", programme);
        amount("totalCredits", InvalidField.require("totalCredits", totalCredits));
        if (minAtInstitution != null) {
            amount("minAtInstitution", minAtInstitution);
        }
        if (groups != null && groups.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidField("groups", "holds an empty entry");
        }
        groups = groups == null ? List.of() : List.copyOf(groups);
        requiredCourses = requiredCourses == null ? List.of() : requiredCourses.stream()
                .map(c -> ProgrammeCode.requireCourse("requiredCourses", c)).toList();
        if (new HashSet<>(groups.stream().map(Group::name).toList()).size() < groups.size()) {
            throw new InvalidField("groups", "names a group twice");
        }
    }

    private static void amount(String field, BigDecimal amount) {
        try {
            new Credits(amount, "BANK_CREDIT");
        } catch (InvalidField e) {
            throw new InvalidField(field, e.reason());
        }
    }
}
