package org.creditbank.ledger.conversion;

import org.axonframework.serialization.Revision;
import org.creditbank.ledger.conversion.AwardEvent.QualificationAwarded;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionApplied;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionGranted;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionInvalidated;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionRefused;

import java.time.Instant;
import java.util.List;

/**
 * An account of the same person was merged into this one ({@code MergedAccountAbsorbed}, just before), and its
 * conversions came with it: every application with its decision and invalidation as they happened there, every award
 * (and whether it was flagged for review), every hours conversion. They count on this account from now on as if made
 * here, each application under {@code applicationId} (its id there unless this account had one of that id). The
 * events quoted are the merged account's own, naming it; a replay reads them and never weighs a rule again.
 *
 * <p>A carried grant that would count twice here (its source superseded by this account's own copy, a course already
 * counting toward the programme) or carry the programme over a cap is invalidated by a {@code ConversionInvalidated}
 * with cause {@code MERGED} right after this event, never dropped unsaid.
 */
@Revision("1")
public record ConversionsCarried(String learnerNumber, String mergedNumber, List<CarriedApplication> applications,
                                 List<QualificationAwarded> awards, List<String> flaggedAwards,
                                 List<HoursConverted> hours, String carriedBy, String branchCode, Instant at) {

    public ConversionsCarried {
        applications = List.copyOf(applications);
        awards = List.copyOf(awards);
        flaggedAwards = List.copyOf(flaggedAwards);
        hours = List.copyOf(hours);
    }

    /**
     * An application of the merged account and what became of it there: its grant or refusal (or neither: still
     * undecided, to be decided here), and the invalidation of its grant.
     *
     * @param applicationId the application's id on this account
     */
    public record CarriedApplication(String applicationId, ConversionApplied applied, ConversionGranted granted,
                                     ConversionRefused refused, ConversionInvalidated invalidated) {

        /** The application as if made on the survivor. */
        ConversionApplied appliedHere(String survivor) {
            ConversionApplied a = applied;
            return new ConversionApplied(survivor, applicationId, a.institution(), a.programme(), a.appliedOn(),
                    a.sources(), a.appliedBy(), a.branchCode(), a.at());
        }

        /** Its grant as if made on the survivor, or null. */
        ConversionGranted grantedHere(String survivor) {
            ConversionGranted g = granted;
            return g == null ? null : new ConversionGranted(survivor, applicationId, g.institution(), g.programme(),
                    g.granted(), g.refused(), g.credits(), g.unit(), g.grantedOn(), g.decidedBy(), g.branchCode(),
                    g.at());
        }

        /** Whether its grant stands. */
        boolean standing() {
            return granted != null && invalidated == null;
        }
    }

    /** Whether nothing came: the merged account had no conversion, award or hours conversion. */
    public boolean isEmpty() {
        return applications.isEmpty() && awards.isEmpty() && hours.isEmpty();
    }
}
