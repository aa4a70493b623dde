package org.creditbank.ledger.achievement;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The book's part in a merge: what the surviving account already holds is superseded, not counted twice. */
class AchievementBookTest {

    private static AchievementStanding standing(String id, String status, String externalId, String serial) {
        return new AchievementStanding(id, "ACADEMIC_COURSE", status, "alice", "HZ-BRANCH", "ZJU", externalId,
                serial, BigDecimal.ONE, "BANK_CREDIT", null);
    }

    @Test
    void carried_achievements_the_survivor_already_holds_are_superseded() {
        AchievementBook survivor = new AchievementBook();
        survivor.absorb(List.of(standing("own-1", "CERTIFIED", "LA-1", null),
                standing("own-2", "RECORDED", "LA-2", "S-9")), List.of());
        List<AchievementStanding> carried = List.of(
                standing("dup-ref", "CERTIFIED", "LA-1", null),
                standing("dup-serial", "RECORDED", "OTHER", "s 9"),
                standing("new-1", "CERTIFIED", "LA-3", null),
                standing("rejected", "REJECTED", "LA-1", null));

        List<String> superseded = survivor.duplicatesAmong(carried);
        assertThat(superseded).containsExactly("dup-ref", "dup-serial");

        survivor.absorb(carried, superseded);
        assertThat(survivor.standings()).extracting(AchievementStanding::achievementId)
                .containsExactly("own-1", "own-2", "new-1", "rejected");
        assertThat(survivor.recordedUnder(new ExternalReference("ZJU", "LA-1"))).contains("own-1");
    }
}
