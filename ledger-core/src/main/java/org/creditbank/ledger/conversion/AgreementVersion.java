package org.creditbank.ledger.conversion;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An agreement as the catalogue holds it: its terms, and from when it is withdrawn (null: not withdrawn).
 */
public record AgreementVersion(String agreementId, AgreementTerms terms, LocalDate withdrawnFrom) {

    /** Whether it is in force on the date. */
    public boolean inForce(LocalDate date) {
        return terms.covers(date) && (withdrawnFrom == null || date.isBefore(withdrawnFrom));
    }

    /**
     * Whether this agreement applies the rule to learning recorded at a branch: the rule is one a party accepts, and
     * the branch lies on the other side ({@code lineage}: the codes from the centre down to the branch).
     */
    public boolean applies(String ruleId, List<String> lineage) {
        AgreementTerms t = terms;
        return t.firstAccepts().contains(ruleId) && lineage.contains(t.second())
                || t.secondAccepts().contains(ruleId) && lineage.contains(t.first());
    }

    /** Of the agreements in force on the date, the first (by id) that applies the rule to learning from the branch. */
    public static Optional<AgreementVersion> citing(List<AgreementVersion> agreements, String ruleId,
                                                              List<String> lineage, LocalDate on) {
        return agreements.stream().filter(a -> a.inForce(on) && a.applies(ruleId, lineage))
                .min(Comparator.comparing(AgreementVersion::agreementId));
    }
}
