package org.creditbank.ledger.log.leaf;

import org.creditbank.ledger.log.Hash;
import org.creditbank.ledger.log.Rfc6962;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The leaf format (v1 here, v2 in {@link LeafV2Test}): RFC 8785 canonical JSON of the envelope, chained per
 * aggregate.
 */
class LeafEnvelopeTest {

    private static final Hash PAYLOAD = LeafEnvelope.payloadHash("{\"b\":\"2\",\"a\":1}");

    private static LeafEnvelope first() {
        return new LeafEnvelope("e-1", "330100000000000011", 0, "AccountOpened", "2026-03-01T09:00:00Z", null,
                PAYLOAD, null);
    }

    @Test
    void the_leaf_is_the_canonical_json_with_sorted_keys_and_no_whitespace() {
        assertThat(first().canonicalJson()).isEqualTo("{\"aggregateId\":\"330100000000000011\",\"eventId\":\"e-1\","
                + "\"eventType\":\"AccountOpened\",\"format\":\"ledger-leaf/v1\",\"payloadSha256\":\""
                + PAYLOAD.base64() + "\",\"previousLeafHash\":null,\"recordedAt\":\"2026-03-01T09:00:00Z\","
                + "\"sequenceNumber\":0}");
    }

    @Test
    void rfc_8785_canonicalization_matches_the_rfcs_own_example() {
        // RFC 8785 §3.2.2 sample: property sorting, number and string serialisation.
        String input = "{\"numbers\":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"
                + "\"string\":\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
                + "\"literals\":[null,true,false]}";
        assertThat(LeafEnvelope.canonicalize(input)).isEqualTo("{\"literals\":[null,true,false],\"numbers\":"
                + "[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void the_payload_hash_ignores_formatting_but_not_content() {
        assertThat(LeafEnvelope.payloadHash("{ \"a\" : 1, \"b\" : \"2\" }")).isEqualTo(PAYLOAD);
        assertThat(LeafEnvelope.payloadHash("{\"a\":1,\"b\":\"3\"}")).isNotEqualTo(PAYLOAD);
    }

    @Test
    void a_leaf_parses_back_and_chains_to_its_predecessor() {
        LeafEnvelope first = first();
        LeafEnvelope second = new LeafEnvelope("e-2", "330100000000000011", 1, "AchievementRecorded",
                "2026-03-01T09:05:00Z", first.leafHash(), PAYLOAD, null);
        assertThat(LeafEnvelope.parse(first.canonicalJson())).isEqualTo(first);
        assertThat(LeafEnvelope.parse(second.canonicalJson())).isEqualTo(second);
        assertThat(LeafEnvelope.parse(second.canonicalJson()).previousLeafHash()).isEqualTo(first.leafHash());
        assertThat(second.leafHash()).isEqualTo(Rfc6962.leafHash(second.leafData()));
    }

    @Test
    void every_leaf_is_rfc_8785_canonical_whatever_its_strings_hold() {
        for (String odd : new String[]{"plain-id", "caf\u00e9", "quote\"d", "back\\slash", "tab\tbed", "\u20ac/\u4e2d\u6587",
                "emoji\ud83d\ude00", "A$B.C"}) {
            LeafEnvelope leaf = new LeafEnvelope(odd, odd, 9_007_199_254_740_991L, odd, odd, PAYLOAD, PAYLOAD,
                    PAYLOAD);
            String json = leaf.canonicalJson();
            assertThat(LeafEnvelope.canonicalize(json)).as(odd).isEqualTo(json);
            assertThat(LeafEnvelope.parse(json)).isEqualTo(leaf);
        }
    }

    @Test
    void a_leaf_that_is_not_canonical_or_not_of_this_format_is_refused() {
        String canonical = first().canonicalJson();
        assertThatThrownBy(() -> LeafEnvelope.parse(canonical.replace(",", ", ")))
                .hasMessageContaining("canonical");
        assertThatThrownBy(() -> LeafEnvelope.parse(canonical.replace("ledger-leaf/v1", "ledger-leaf/v9")))
                .hasMessageContaining("unknown leaf format");
        assertThatThrownBy(() -> LeafEnvelope.parse(canonical.replace("\"eventType\"", "\"eventKind\"")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
