package org.creditbank.ledger.conversion;

import org.creditbank.ledger.branch.BranchCode;

/**
 * An institution's programme: the institution's branch code and the programme's code. Its event stream is
 * {@code programme:<institution>:<code>}.
 */
public record ProgrammeId(BranchCode institution, String code) {

    public ProgrammeId {
        code = ProgrammeCode.requireProgramme("programme", code);
    }

    /** The programme's event stream. */
    public static String stream(String institution, String code) {
        return "programme:" + institution + ":" + code;
    }

    @Override
    public String toString() {
        return stream(institution.value(), code);
    }
}
