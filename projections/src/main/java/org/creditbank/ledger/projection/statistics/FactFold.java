package org.creditbank.ledger.projection.statistics;

import org.creditbank.ledger.achievement.AchievementEvent;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCertified;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCorrected;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRecorded;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRejected;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRevoked;
import org.creditbank.ledger.learner.AccountEvent.AccountClosed;
import org.creditbank.ledger.learner.AccountEvent.AccountMergedInto;
import org.creditbank.ledger.learner.AccountEvent.AccountOpened;
import org.creditbank.ledger.learner.AccountEvent.MergedAccountAbsorbed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Events folded into statistical facts: what each act counts, with its achievement's dimensions as they stood at the
 * act. Pure: the achievements the events act on are given (those recorded earlier, as {@code stat_achievement} holds
 * them), and what the fold leaves is read off it — the facts, and the achievements it recorded, changed or moved to
 * another learner. Every sum and count of the statistics is derived from the facts.
 *
 * <p>Acts count for the branch that performed them. An achievement's act counts with the kind and level it had then,
 * and moves credits only when it is certified (a certification deposits them, a revocation or supersession withdraws
 * them, a correction of a certified achievement's credits moves the difference); units are never added together.
 */
final class FactFold {

    /**
     * A counted act: kind '' and level 0 for an account's act, which has no achieved date; {@code unit} null where it
     * moves no credits.
     */
    record Fact(String eventId, int ordinal, Measure measure, String branch, String learner, String kind, int level,
                LocalDate achievedOn, String unit, int n, BigDecimal credits, Instant at) {
    }

    /** What the statistics remember of an achievement ({@code stat_achievement}). */
    static final class Achievement {
        final String id;
        String learner;
        final String kind;
        Integer level;
        LocalDate achievedOn;
        BigDecimal credits;
        String unit;
        boolean certified;

        Achievement(String id, String learner, String kind, Integer level, LocalDate achievedOn, BigDecimal credits,
                    String unit, boolean certified) {
            this.id = id;
            this.learner = learner;
            this.kind = kind;
            this.level = level;
            this.achievedOn = achievedOn;
            this.credits = credits;
            this.unit = unit;
            this.certified = certified;
        }
    }

    private final Map<String, Achievement> achievements = new HashMap<>();
    private final Set<String> recorded = new LinkedHashSet<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private final List<Fact> facts = new ArrayList<>();
    /** Every learner whose achievements moved to another by a merge: survivor, merged. */
    private final List<String[]> moves = new ArrayList<>();

    /** @param known the achievements recorded before these events that they act on */
    FactFold(Collection<Achievement> known) {
        known.forEach(achievement -> achievements.put(achievement.id, achievement));
    }

    /** The achievements the events act on but do not record: those to give the fold. */
    static Set<String> actedOnEarlier(List<?> payloads) {
        Set<String> wanted = new HashSet<>();
        Set<String> recorded = new HashSet<>();
        for (Object payload : payloads) {
            if (payload instanceof AchievementRecorded r) {
                recorded.add(r.achievementId());
            } else if (payload instanceof AchievementEvent a && !recorded.contains(a.achievementId())) {
                wanted.add(a.achievementId());
            } else if (payload instanceof MergedAccountAbsorbed m) {
                m.superseded().stream().filter(id -> !recorded.contains(id)).forEach(wanted::add);
            }
        }
        return wanted;
    }

    /** Folds the next event, in commit order. */
    void fold(String eventId, Object payload) {
        if (payload instanceof AccountOpened e) {
            account(eventId, Measure.ACCOUNT_OPENED, e.branchCode(), e.learnerNumber(), e.at());
        } else if (payload instanceof AccountMergedInto e) {
            account(eventId, Measure.ACCOUNT_MERGED, e.branchCode(), e.learnerNumber(), e.at());
        } else if (payload instanceof AccountClosed e) {
            account(eventId, Measure.ACCOUNT_CLOSED, e.branchCode(), e.learnerNumber(), e.at());
        } else if (payload instanceof MergedAccountAbsorbed e) {
            absorbed(eventId, e);
        } else if (payload instanceof AchievementRecorded e) {
            Achievement a = new Achievement(e.achievementId(), e.learnerNumber(), e.kind(), e.qualificationLevel(),
                    e.achievedOn(), e.credits(), e.creditUnit(), false);
            achievements.put(a.id, a);
            recorded.add(a.id);
            act(eventId, 0, Measure.RECORDED, e.branchCode(), a, null, 1, BigDecimal.ZERO, e.at());
        } else if (payload instanceof AchievementCertified e) {
            Achievement a = achievement(e.achievementId());
            a.credits = e.credits();
            a.unit = e.creditUnit();
            a.certified = true;
            changed.add(a.id);
            act(eventId, 0, Measure.CERTIFIED, e.branchCode(), a, a.unit, 1, a.credits, e.at());
        } else if (payload instanceof AchievementRejected e) {
            act(eventId, 0, Measure.REJECTED, e.branchCode(), achievement(e.achievementId()), null, 1,
                    BigDecimal.ZERO, e.at());
        } else if (payload instanceof AchievementCorrected e) {
            corrected(eventId, e);
        } else if (payload instanceof AchievementRevoked e) {
            withdraw(eventId, 0, Measure.REVOKED, e.branchCode(), achievement(e.achievementId()), e.at());
        }
    }

    /** The facts, in the order their acts happened. */
    List<Fact> facts() {
        return facts;
    }

    /** The achievements these events recorded, as they stand after them. */
    List<Achievement> recorded() {
        return recorded.stream().map(achievements::get).toList();
    }

    /** The achievements recorded earlier that these events changed, as they stand after them. */
    List<Achievement> changed() {
        return changed.stream().filter(id -> !recorded.contains(id)).map(achievements::get).toList();
    }

    /** Each merge's survivor and merged learner, in order: every achievement of the one moved to the other. */
    List<String[]> moves() {
        return moves;
    }

    private void absorbed(String eventId, MergedAccountAbsorbed e) {
        for (Achievement a : achievements.values()) {
            if (a.learner.equals(e.mergedNumber())) {
                a.learner = e.learnerNumber();
                changed.add(a.id);
            }
        }
        moves.add(new String[] {e.learnerNumber(), e.mergedNumber()});
        int ordinal = 0;
        for (String id : e.superseded()) {
            Achievement a = achievement(id);
            a.learner = e.learnerNumber();
            withdraw(eventId, ordinal++, Measure.SUPERSEDED, e.branchCode(), a, e.at());
        }
    }

    private void corrected(String eventId, AchievementCorrected e) {
        Achievement a = achievement(e.achievementId());
        AchievementEvent.CorrectedFields c = e.corrected();
        if (c.qualificationLevel() != null) {
            a.level = c.qualificationLevel();
        }
        if (c.achievedOn() != null) {
            a.achievedOn = c.achievedOn();
        }
        changed.add(a.id);
        if (c.credits() == null) {
            act(eventId, 0, Measure.CORRECTED, e.branchCode(), a, null, 1, BigDecimal.ZERO, e.at());
            return;
        }
        BigDecimal before = a.credits;
        String unitBefore = a.unit;
        a.credits = c.credits();
        a.unit = c.creditUnit();
        if (!a.certified) {
            act(eventId, 0, Measure.CORRECTED, e.branchCode(), a, null, 1, BigDecimal.ZERO, e.at());
        } else if (unitBefore.equals(a.unit)) {
            act(eventId, 0, Measure.CORRECTED, e.branchCode(), a, a.unit, 1, a.credits.subtract(before), e.at());
        } else {
            // Units are never added together: the old amount leaves its unit, the new one enters its own.
            act(eventId, 0, Measure.CORRECTED, e.branchCode(), a, unitBefore, 1, before.negate(), e.at());
            act(eventId, 1, Measure.CORRECTED, e.branchCode(), a, a.unit, 0, a.credits, e.at());
        }
    }

    private void withdraw(String eventId, int ordinal, Measure measure, String branch, Achievement a, Instant at) {
        if (a.certified) {
            act(eventId, ordinal, measure, branch, a, a.unit, 1, a.credits.negate(), at);
        } else {
            act(eventId, ordinal, measure, branch, a, null, 1, BigDecimal.ZERO, at);
        }
        a.certified = false;
        changed.add(a.id);
    }

    private Achievement achievement(String achievementId) {
        Achievement a = achievements.get(achievementId);
        if (a == null) {
            throw new IllegalStateException("statistics know no achievement " + achievementId
                    + ": events arrived out of commit order");
        }
        return a;
    }

    private void account(String eventId, Measure measure, String branch, String learner, Instant at) {
        facts.add(new Fact(eventId, 0, measure, branch, learner, "", 0, null, null, 1, BigDecimal.ZERO, at));
    }

    private void act(String eventId, int ordinal, Measure measure, String branch, Achievement a, String unit, int n,
                     BigDecimal credits, Instant at) {
        facts.add(new Fact(eventId, ordinal, measure, branch, a.learner, a.kind, a.level == null ? 0 : a.level,
                a.achievedOn, unit, n, credits, at));
    }
}
