package org.creditbank.ledger.log.leaf;

import org.creditbank.ledger.log.Hash;
import org.creditbank.ledger.log.ProofVerification;
import org.creditbank.ledger.log.Rfc6962;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code ledger-leaf/v2} leaf, which covers who acted: known answers computed independently (Python's hashlib and
 * json, sorted keys, no whitespace), and {@code ledger-leaf/v1} leaves, which stay in the log, still verifying.
 */
class LeafV2Test {

    private static final String METADATA = "{\"correlationId\":\"req-42\",\"officerId\":\"bob\","
            + "\"traceId\":\"not-covered\",\"subject\":\"7f3c9a52-1d4e-4b8a-9c2f-0e6d5b4a3c21\",\"role\":\"OFFICER\","
            + "\"branchCode\":\"HZ-BRANCH\"}";
    /** SHA-256 of {"branchCode":"HZ-BRANCH","correlationId":"req-42","officerId":"bob","role":"OFFICER",...}. */
    private static final String METADATA_SHA256 = "sBHgYd+/vEtRq7wfdSHyllYkVxsvo6nYHsKo0OneKqY=";
    private static final String V2_LEAF = "{\"aggregateId\":\"330100000000000011\","
            + "\"eventId\":\"3acd9ded-c727-426c-b4ad-d8d43ceb3651\","
            + "\"eventType\":\"org.creditbank.ledger.achievement.AchievementEvent$AchievementCertified\","
            + "\"format\":\"ledger-leaf/v2\",\"metadataSha256\":\"sBHgYd+/vEtRq7wfdSHyllYkVxsvo6nYHsKo0OneKqY=\","
            + "\"payloadSha256\":\"kEqPZ59PFJYRyGFVlyFE7wp7rU/WgVHjdMxZALRhtMY=\","
            + "\"previousLeafHash\":\"igvD4iECdPladJ/t/Ys/0kJ4CCsworcnh/EHtRF80Tw=\","
            + "\"recordedAt\":\"2026-11-22T22:36:19.443Z\",\"sequenceNumber\":2}";
    private static final String V2_LEAF_HASH = "Xyk+SY45RkYQjoJQN8x8SCu2MXWe0fMMEhdlNaBb9Gw=";

    private static LeafEnvelope certified(Hash metadataSha256) {
        return new LeafEnvelope("3acd9ded-c727-426c-b4ad-d8d43ceb3651", "330100000000000011", 2,
                "org.creditbank.ledger.achievement.AchievementEvent$AchievementCertified", "2026-11-22T22:36:19.443Z",
                Hash.fromBase64("igvD4iECdPladJ/t/Ys/0kJ4CCsworcnh/EHtRF80Tw="),
                Hash.fromBase64("kEqPZ59PFJYRyGFVlyFE7wp7rU/WgVHjdMxZALRhtMY="), metadataSha256);
    }

    @Test
    void the_metadata_hash_covers_exactly_who_acted_in_canonical_form() {
        assertThat(LeafMetadata.covered(METADATA).toString()).isEqualTo("{\"branchCode\":\"HZ-BRANCH\","
                + "\"correlationId\":\"req-42\",\"officerId\":\"bob\",\"role\":\"OFFICER\","
                + "\"subject\":\"7f3c9a52-1d4e-4b8a-9c2f-0e6d5b4a3c21\"}");
        assertThat(LeafMetadata.hashOfStored(METADATA).base64()).isEqualTo(METADATA_SHA256);
        assertThat(LeafMetadata.hashOfStored(" { \"branchCode\" : \"HZ-BRANCH\", \"officerId\" : \"bob\" } "))
                .as("formatting and key order do not count").isEqualTo(
                        LeafMetadata.hashOfStored("{\"officerId\":\"bob\",\"branchCode\":\"HZ-BRANCH\"}"));
        assertThat(LeafMetadata.hashOfStored(METADATA.replace("\"bob\"", "\"carol\"")))
                .as("another officer").isNotEqualTo(LeafMetadata.hashOfStored(METADATA));
        assertThat(LeafMetadata.hashOfStored(METADATA.replace("not-covered", "anything")))
                .as("keys outside the covered set").isEqualTo(LeafMetadata.hashOfStored(METADATA));
    }

    @Test
    void absent_keys_are_left_out_and_no_metadata_is_the_empty_object() {
        assertThat(LeafMetadata.KEYS).containsExactly("branchCode", "correlationId", "officerId", "role", "subject")
                .isSorted();
        Hash empty = Hash.fromBase64("RBNvo1WzZ4oRRq0W9+hknpT7T8If536DEMBg9hyq/4o="); // SHA-256 of "{}"
        assertThat(LeafMetadata.hashOfStored(null)).isEqualTo(empty);
        assertThat(LeafMetadata.hashOfStored("{}")).isEqualTo(empty);
        assertThat(LeafMetadata.hashOfStored("{\"traceId\":\"x\"}")).isEqualTo(empty);
    }

    @Test
    void metadata_beyond_plain_ascii_goes_through_rfc_8785() {
        // SHA-256 of {"branchCode":"HZ-BRANCH","officerId":"张伟"} in UTF-8.
        assertThat(LeafMetadata.hashOfStored("{\"officerId\":\"\\u5f20\\u4f1f\",\"branchCode\":\"HZ-BRANCH\"}")
                .base64()).isEqualTo("+wbyYRFMLGo/P52O14bztpid2XMcVu4oWA6Zl+bMpHQ=");
        for (String odd : List.of("quote\"d", "back\\slash", "tab\tbed", "caf\u00e9", "emoji\ud83d\ude00")) {
            String stored = LeafMetadata.covered("{\"officerId\":\"x\"}").toString().replace("\"x\"",
                    jsonString(odd));
            assertThat(LeafMetadata.hashOfStored(stored)).as(odd).isEqualTo(Rfc6962.sha256(
                    LeafEnvelope.canonicalize(stored).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    @Test
    void a_v2_leaf_is_the_v1_envelope_plus_the_metadata_hash_known_answer() {
        LeafEnvelope leaf = certified(Hash.fromBase64(METADATA_SHA256));
        assertThat(leaf.format()).isEqualTo("ledger-leaf/v2");
        assertThat(leaf.canonicalJson()).isEqualTo(V2_LEAF);
        assertThat(LeafEnvelope.canonicalize(V2_LEAF)).isEqualTo(V2_LEAF);
        assertThat(leaf.leafHash().base64()).isEqualTo(V2_LEAF_HASH);
        assertThat(LeafEnvelope.parse(V2_LEAF)).isEqualTo(leaf);
    }

    @Test
    void a_v1_leaf_of_the_published_worked_example_still_parses_and_verifies() {
        // docs/verification.md, "Worked example": leaf 7 of a tree of 8, its audit path and the checkpoint's root.
        String v1 = V2_LEAF.replace("ledger-leaf/v2", "ledger-leaf/v1")
                .replace("\"metadataSha256\":\"" + METADATA_SHA256 + "\",", "");
        LeafEnvelope leaf = LeafEnvelope.parse(v1);
        assertThat(leaf).isEqualTo(certified(null));
        assertThat(leaf.format()).isEqualTo("ledger-leaf/v1");
        assertThat(leaf.canonicalJson()).isEqualTo(v1);
        ProofVerification.verifyInclusion(7, 8, leaf.leafHash(), List.of(
                        Hash.fromBase64("igvD4iECdPladJ/t/Ys/0kJ4CCsworcnh/EHtRF80Tw="),
                        Hash.fromBase64("zhGTbzs6AwcNcMrVde9QWlX/8rmOJ0KsU/CCdsG4r9g="),
                        Hash.fromBase64("gdeDnfFtr2pwrFp8tAQ98Q1RbzNHaD4qSPxavg90l/U=")),
                Hash.fromBase64("WvO2fsirLHv4ZAwdeirKu15fIG4y21Uk2VnTMNL6CfA="));
    }

    @Test
    void a_leaf_whose_fields_do_not_match_its_format_is_refused() {
        String v1WithMetadata = V2_LEAF.replace("ledger-leaf/v2", "ledger-leaf/v1");
        assertThatThrownBy(() -> LeafEnvelope.parse(v1WithMetadata))
                .hasMessageContaining("the ledger-leaf/v1 leaf has fields");
        String v2WithoutMetadata = V2_LEAF.replace("\"metadataSha256\":\"" + METADATA_SHA256 + "\",", "");
        assertThatThrownBy(() -> LeafEnvelope.parse(v2WithoutMetadata))
                .hasMessageContaining("the ledger-leaf/v2 leaf has fields");
        assertThatThrownBy(() -> LeafMetadata.hash(
                LeafEnvelope.parseObject("{\"officerId\":\"bob\",\"traceId\":\"t\"}")))
                .hasMessageContaining("metadata key traceId is not one a leaf covers");
    }

    @Test
    void a_batch_builds_v2_leaves_chained_per_stream() {
        List<LeafBatch.Output> built = LeafBatch.build(List.of(
                new LeafBatch.Input("e-1", "A", 0, "T", "2026-01-01T00:00:00Z", "{}", METADATA),
                new LeafBatch.Input("e-2", "A", 1, "T", "2026-01-01T00:00:01Z", "{}", null)), first -> null);
        LeafEnvelope first = LeafEnvelope.parse(new String(built.get(0).data(),
                java.nio.charset.StandardCharsets.UTF_8));
        LeafEnvelope second = LeafEnvelope.parse(new String(built.get(1).data(),
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(first.metadataSha256().base64()).isEqualTo(METADATA_SHA256);
        assertThat(second.metadataSha256()).isEqualTo(LeafMetadata.hashOfStored("{}"));
        assertThat(second.previousLeafHash()).isEqualTo(built.get(0).hash()).isEqualTo(first.leafHash());
    }

    private static String jsonString(String value) {
        return jakarta.json.Json.createValue(value).toString();
    }
}
