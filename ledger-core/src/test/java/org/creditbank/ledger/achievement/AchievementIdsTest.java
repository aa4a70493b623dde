package org.creditbank.ledger.achievement;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** New achievements' identifiers: version 7 UUIDs that carry the millisecond of recording and grow with it. */
class AchievementIdsTest {

    @Test
    void an_identifier_is_a_version_7_uuid_of_the_recording_millisecond() {
        Instant at = Instant.parse("2026-11-23T08:15:30.123456Z");

        UUID id = UUID.fromString(AchievementIds.next(at));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
        // What the record command accepts as an achievement's id.
        assertThat(id.toString()).matches("[0-9a-f-]{36}");
    }

    @Test
    void identifiers_of_later_recordings_sort_after_earlier_ones_and_never_repeat() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(AchievementIds.next(start.plusMillis(i)));
        }
        List<String> again = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            again.add(AchievementIds.next(start));
        }

        assertThat(ids).isSorted();
        assertThat(new HashSet<>(again)).hasSize(1000);
    }

    @Test
    void a_legacy_record_always_gets_the_same_version_7_identifier_of_its_recording_millisecond() {
        Instant at = Instant.parse("2012-07-01T08:00:00.250Z");

        UUID id = UUID.fromString(AchievementIds.forLegacy(at, "zj-legacy\nA-1"));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
        assertThat(AchievementIds.forLegacy(at, "zj-legacy\nA-1")).isEqualTo(id.toString());
        assertThat(AchievementIds.forLegacy(at, "zj-legacy\nA-2")).isNotEqualTo(id.toString());
        assertThat(AchievementIds.forLegacy(at, "other-system\nA-1")).isNotEqualTo(id.toString());
    }

    @Test
    void a_time_the_identifier_cannot_hold_is_refused() {
        assertThatThrownBy(() -> AchievementIds.next(Instant.parse("1969-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AchievementIds.next(Instant.ofEpochMilli(1L << 48)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AchievementIds.next(Instant.ofEpochMilli((1L << 48) - 1))).startsWith("ffffffff-ffff-7");
    }
}
