package org.creditbank.ledger.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCertified;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast reading of stored instants means exactly what the JDK's and Jackson's formatters read. */
class IsoInstantsTest {

    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    /** What the event store holds: Axon's timestamps (milliseconds) and payloads' instants (any fraction). */
    private static List<String> stored() {
        Random random = new Random(20261123);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(YEAR_0 + (long) (random.nextDouble() * (YEAR_10000 - YEAR_0)),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            texts.add(DateTimeUtils.formatInstant(at));
            texts.add(at.toString());
            // Every length of fraction, trailing zeros kept.
            String whole = at.toString().substring(0, 19);
            String nanos = String.format("%09d", at.getNano());
            texts.add(whole + "." + nanos.substring(0, 1 + random.nextInt(9)) + "Z");
        }
        texts.addAll(List.of("0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00Z",
                "1970-01-01T00:00:00.000Z", "2026-11-23T19:04:05.1Z"));
        return texts;
    }

    /**
     * Text near the stored form: other offsets and cases, no seconds, fields out of range, misplaced signs and
     * separators, too many fraction digits. Some the formatters accept, most they refuse; the fast path must agree.
     */
    private static final List<String> ODD = List.of("2026-11-23T19:04:05+08:00", "2026-11-23T19:04:05-00:30",
            "2026-11-23T19:04Z", "2026-11-23t19:04:05z", "2026-11-23T19:04:05.123+00:00", "+12026-11-23T19:04:05Z",
            "2026-11-23T24:00:00Z", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-31T00:00:00Z",
            "2026-11-23T19:60:00Z", "2026-11-23T19:04:60Z", "2026-11-23T25:04:05Z", "2026-11-23T19:04:05.Z",
            "2026-11-23T19:04:05.1234567890Z", "2026-+1-23T19:04:05Z", "2026-11-2 T19:04:05Z", "2026-11-23 19:04:05Z",
            "2026-11-23T19:04:05", "2026-11-23T19:04:05.123", "-026-11-23T19:04:05Z", "2026-11-23T19:04:05ZZ",
            "2026-11-23T19:04:05.-12Z", "Z", "not a time");

    @Test
    void storedInstantsMeanWhatTheFormatterReads() {
        for (String text : stored()) {
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(formatter(text));
        }
    }

    @Test
    void otherTextIsReadOrRefusedAsTheFormatterDoes() {
        int refused = 0;
        for (String text : ODD) {
            Object expected = outcome(() -> formatter(text));
            assertThat(outcome(() -> IsoInstants.parse(text))).as(text).isEqualTo(expected);
            refused += expected instanceof Class<?> ? 1 : 0;
        }
        assertThat(refused).as("the list holds refused text").isGreaterThan(15);
    }

    @Test
    void eventPayloadsReadInstantsAsJacksonDoes() throws Exception {
        ObjectMapper events = EventStoreFormat.eventJson().build();
        ObjectMapper stock = JsonMapper.builder().findAndAddModules()
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();
        List<String> texts = new ArrayList<>(stored().subList(0, 3_000));
        texts.addAll(ODD);
        // Jackson also takes epoch seconds, with or without a fraction, blank-padded text, and an empty string (null).
        texts.addAll(List.of("1700000000", "1700000000.5", " 2026-11-23T19:04:05Z ", "2026-11-23T19:04:05.120Z", ""));
        for (String text : texts) {
            String json = events.writeValueAsString(text);
            assertThat(outcome(() -> events.readValue(json, Instant.class))).as(text)
                    .isEqualTo(outcome(() -> stock.readValue(json, Instant.class)));
        }
    }

    @Test
    void eventsReadThroughAxonsSerializerTakeTheirInstantsAsJacksonDoes() throws Exception {
        // Axon's serializer registers its own modules on the mapper: the fast reading must survive that.
        ObjectMapper axon = EventSerializer.of(EventStoreFormat.eventJson().build(), new AnnotationRevisionResolver())
                .getObjectMapper();
        ObjectMapper stock = JsonMapper.builder().findAndAddModules()
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();
        List<String> texts = new ArrayList<>(stored().subList(0, 300));
        texts.addAll(ODD);
        for (String text : texts) {
            String json = "{\"learnerNumber\":\"330100000000000011\",\"achievementId\":\"a\",\"certifiedBy\":\"bob\","
                    + "\"branchCode\":\"HZ-BRANCH\",\"credits\":\"3.5\",\"creditUnit\":\"BANK_CREDIT\",\"at\":"
                    + axon.writeValueAsString(text) + "}";
            assertThat(outcome(() -> axon.readValue(json, AchievementCertified.class).at())).as(text)
                    .isEqualTo(outcome(() -> stock.readValue(json, AchievementCertified.class).at()));
        }
    }

    /** The value, or the class of the exception thrown instead. */
    private static Object outcome(Callable<Object> reading) {
        try {
            return Optional.ofNullable(reading.call());
        } catch (Exception e) {
            return e.getClass();
        }
    }

    private static Instant formatter(String text) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    }
}
