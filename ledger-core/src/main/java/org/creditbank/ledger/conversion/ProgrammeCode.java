package org.creditbank.ledger.conversion;

import org.creditbank.ledger.rule.InvalidField;

import java.util.regex.Pattern;

/** The codes of an institution's programmes and courses: 2-32 upper-case letters, digits, hyphens or dots. */
public final class ProgrammeCode {

    private static final Pattern FORM = Pattern.compile("[A-Z0-9][A-Z0-9.-]{1,31}");

    private ProgrammeCode() {
    }

    /** A programme's code, refused for the named field unless well formed. */
    public static String requireProgramme(String field, String code) {
        return require(field, code);
    }

    /** A course's code, refused for the named field unless well formed. */
    public static String requireCourse(String field, String code) {
        return require(field, code);
    }

    private static String require(String field, String code) {
        if (code == null || !FORM.matcher(code).matches()) {
            throw new InvalidField(field, "must be 2-32 upper-case letters, digits, hyphens or dots, got "
                    + (code == null ? "nothing" : "\"" + code + "\""));
        }
        return code;
    }
}
