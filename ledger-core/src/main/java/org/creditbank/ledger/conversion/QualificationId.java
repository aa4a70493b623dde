package org.creditbank.ledger.conversion;

import org.creditbank.ledger.branch.BranchCode;

/**
 * A qualification an institution awards: the institution's branch code and the qualification's code. Its event
 * stream is {@code qualification:<institution>:<code>}.
 */
public record QualificationId(BranchCode institution, String code) {

    public QualificationId {
        code = ProgrammeCode.requireProgramme("qualification", code);
    }

    /** The qualification's event stream. */
    public static String stream(String institution, String code) {
        return "qualification:" + institution + ":" + code;
    }

    @Override
    public String toString() {
        return stream(institution.value(), code);
    }
}
