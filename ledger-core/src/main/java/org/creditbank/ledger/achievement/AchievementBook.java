package org.creditbank.ledger.achievement;

import org.creditbank.ledger.achievement.AchievementEvent.AchievementCertified;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCorrected;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRecorded;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRejected;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRevoked;
import org.creditbank.ledger.achievement.AchievementEvent.CorrectedFields;
import org.creditbank.ledger.achievement.AchievementRefusals.AlreadyCertified;
import org.creditbank.ledger.achievement.AchievementRefusals.CertificateAlreadyOnAccount;
import org.creditbank.ledger.achievement.AchievementRefusals.NotInThatState;
import org.creditbank.ledger.achievement.AchievementRefusals.UnknownAchievement;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The achievements on one account as the rules see them, and the lifecycle rules that need nothing but them.
 * Rules that need the branch network live in the account aggregate.
 */
public final class AchievementBook {

    private final Map<String, AchievementStanding> byId = new LinkedHashMap<>();
    private final Map<String, String> idByExternalKey = new HashMap<>();
    private final Map<String, String> idByCertificate = new HashMap<>();

    /** The id of the achievement already recorded under this external reference, if any. */
    public Optional<String> recordedUnder(ExternalReference reference) {
        return Optional.ofNullable(idByExternalKey.get(reference.key()));
    }

    /** Refuses a certificate that is already on this account. */
    public void requireCertificateNotOnAccount(String issuer, String serial) {
        String id = serial == null ? null : idByCertificate.get(CertificateSerial.key(issuer, serial));
        if (id != null) {
            throw new CertificateAlreadyOnAccount(serial, id);
        }
    }

    /** The achievement with this id, refusing an unknown one. */
    public AchievementStanding require(String learnerNumber, String achievementId) {
        AchievementStanding standing = byId.get(achievementId);
        if (standing == null) {
            throw new UnknownAchievement(learnerNumber, achievementId);
        }
        return standing;
    }

    /** Whether the account holds an achievement of this id (a duplicate superseded by a merge it does not). */
    public boolean holds(String achievementId) {
        return byId.containsKey(achievementId);
    }

    /** Refuses unless the achievement still awaits certification or rejection. */
    public void requireAwaitingDecision(AchievementStanding standing, String act) {
        if (standing.lifecycle() == AchievementStatus.CERTIFIED && act.equals("certified")) {
            throw new AlreadyCertified(standing.achievementId());
        }
        if (standing.lifecycle() != AchievementStatus.RECORDED) {
            throw new NotInThatState(standing.achievementId(), standing.lifecycle(), act);
        }
    }

    /** Refuses a correction of a rejected or revoked achievement. */
    public void requireCorrectable(AchievementStanding standing) {
        AchievementStatus status = standing.lifecycle();
        if (status == AchievementStatus.REJECTED || status == AchievementStatus.REVOKED) {
            throw new NotInThatState(standing.achievementId(), status, "corrected");
        }
    }

    /** Refuses a revocation of anything but a certified achievement. */
    public void requireRevocable(AchievementStanding standing) {
        if (standing.lifecycle() != AchievementStatus.CERTIFIED) {
            throw new NotInThatState(standing.achievementId(), standing.lifecycle(), "revoked");
        }
    }

    /** Every achievement's standing, in the order recorded. */
    public List<AchievementStanding> standings() {
        return List.copyOf(byId.values());
    }

    /** Evolves the book by one event. */
    public void on(AchievementEvent event) {
        if (event instanceof AchievementRecorded e) {
            put(new AchievementStanding(e.achievementId(), e.kind(), AchievementStatus.RECORDED.name(),
                    e.recordedBy(), e.branchCode(), e.externalIssuer(), e.externalId(), e.certificateSerial(),
                    e.credits(), e.creditUnit(), new AchievementStanding.Details(e.awardingBody(), e.achievedOn(),
                    e.qualificationLevel(), e.vocationalLevel(), e.resultScheme(), e.resultValue())));
        } else if (event instanceof AchievementCertified e) {
            put(byId.get(e.achievementId()).withStatus(AchievementStatus.CERTIFIED)
                    .withCredits(e.credits(), e.creditUnit()));
        } else if (event instanceof AchievementRejected e) {
            release(put(byId.get(e.achievementId()).withStatus(AchievementStatus.REJECTED)));
        } else if (event instanceof AchievementCorrected e) {
            AchievementStanding standing = byId.get(e.achievementId());
            CorrectedFields c = e.corrected();
            if (c.credits() != null) {
                standing = standing.withCredits(c.credits(), c.creditUnit());
            }
            if (standing.details() != null) {
                AchievementStanding.Details d = standing.details();
                standing = standing.withDetails(new AchievementStanding.Details(
                        c.awardingBody() != null ? c.awardingBody() : d.awardingBody(),
                        c.achievedOn() != null ? c.achievedOn() : d.achievedOn(),
                        c.qualificationLevel() != null ? c.qualificationLevel() : d.qualificationLevel(),
                        c.vocationalLevel() != null ? c.vocationalLevel() : d.vocationalLevel(),
                        c.resultScheme() != null ? c.resultScheme() : d.resultScheme(),
                        c.resultValue() != null ? c.resultValue() : d.resultValue()));
            }
            put(standing);
        } else if (event instanceof AchievementRevoked e) {
            release(put(byId.get(e.achievementId()).withStatus(AchievementStatus.REVOKED)));
        }
    }

    /**
     * Which of the achievements carried over from a merged account this account already holds (same external
     * reference or certificate, still standing): those are superseded, not taken in twice.
     */
    public List<String> duplicatesAmong(List<AchievementStanding> carried) {
        return carried.stream()
                .filter(standing -> standing.lifecycle() == AchievementStatus.RECORDED
                        || standing.lifecycle() == AchievementStatus.CERTIFIED)
                .filter(standing -> idByExternalKey.containsKey(standing.externalKey())
                        || (standing.certificateSerial() != null
                            && idByCertificate.containsKey(certificateKey(standing))))
                .map(AchievementStanding::achievementId)
                .toList();
    }

    /** Takes in the achievements of an account merged into this one, except those it supersedes. */
    public void absorb(List<AchievementStanding> carried, List<String> superseded) {
        carried.stream().filter(standing -> !superseded.contains(standing.achievementId())).forEach(this::put);
    }

    private AchievementStanding put(AchievementStanding standing) {
        byId.put(standing.achievementId(), standing);
        AchievementStatus status = standing.lifecycle();
        if (status == AchievementStatus.RECORDED || status == AchievementStatus.CERTIFIED) {
            idByExternalKey.putIfAbsent(standing.externalKey(), standing.achievementId());
            if (standing.certificateSerial() != null) {
                idByCertificate.putIfAbsent(certificateKey(standing), standing.achievementId());
            }
        }
        return standing;
    }

    /** A rejected or revoked achievement no longer holds its external reference or its certificate. */
    private void release(AchievementStanding standing) {
        idByExternalKey.remove(standing.externalKey(), standing.achievementId());
        if (standing.certificateSerial() != null) {
            idByCertificate.remove(certificateKey(standing), standing.achievementId());
        }
    }

    private static String certificateKey(AchievementStanding standing) {
        return CertificateSerial.key(standing.externalIssuer(), standing.certificateSerial());
    }
}
