package org.creditbank.ledger.log;

import org.creditbank.ledger.log.ProofVerification.ProofRejected;
import org.creditbank.ledger.log.SignedNote.NoteRejected;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** C2SP tlog-checkpoint and tlog-proof texts, and verifying a proof offline end to end. */
class CheckpointAndProofTest {

    private static final String ORIGIN = "ledger.example/log";

    @Test
    void the_specifications_example_checkpoint_parses_and_prints_the_same() {
        String text = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
        Checkpoint checkpoint = Checkpoint.parse(text);
        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163L);
        assertThat(checkpoint.text()).isEqualTo(text);
        assertThatThrownBy(() -> Checkpoint.parse("o\n007\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"))
                .hasMessageContaining("leading zeroes");
    }

    @Test
    void a_proof_for_one_leaf_verifies_offline_and_fails_when_anything_changes() {
        NoteKeys.Signer signer = NoteKeys.Signer.generate(ORIGIN);
        List<byte[]> leaves = new ArrayList<>();
        List<Hash> leafHashes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            byte[] data = ("{\"leaf\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            leaves.add(data);
            leafHashes.add(Rfc6962.leafHash(data));
        }
        InMemoryNodes tree = InMemoryNodes.of(leafHashes);
        String signed = new Checkpoint(ORIGIN, 10, tree.root()).sign(signer);
        TlogProof proof = new TlogProof(null, 7, MerkleTree.inclusionProof(7, 10, tree), signed);

        String text = proof.text();
        assertThat(text).startsWith("c2sp.org/tlog-proof@v1\nindex 7\n").endsWith(signed);
        TlogProof parsed = TlogProof.parse(text);
        assertThat(parsed.text()).isEqualTo(text);
        Checkpoint checkpoint = parsed.verify(leaves.get(7), signer.verifier(), ORIGIN);
        assertThat(checkpoint.size()).isEqualTo(10);

        assertThatThrownBy(() -> parsed.verify(leaves.get(6), signer.verifier(), ORIGIN))
                .isInstanceOf(ProofRejected.class);
        assertThatThrownBy(() -> parsed.verify(leaves.get(7), signer.verifier(), "other.example/log"))
                .isInstanceOf(NoteRejected.class);
        assertThatThrownBy(() -> parsed.verify(leaves.get(7), NoteKeys.Signer.generate(ORIGIN).verifier(), ORIGIN))
                .isInstanceOf(NoteRejected.class);
        String otherIndex = text.replace("index 7\n", "index 6\n");
        assertThatThrownBy(() -> TlogProof.parse(otherIndex).verify(leaves.get(7), signer.verifier(), ORIGIN))
                .isInstanceOf(ProofRejected.class);
    }

    @Test
    void extra_data_round_trips() {
        TlogProof proof = new TlogProof(new byte[]{1, 2, 3}, 0, List.of(), "o\n1\n"
                + Rfc6962.emptyRoot().base64() + "\n\n\u2014 o AAAA\n");
        TlogProof parsed = TlogProof.parse(proof.text());
        assertThat(parsed.extra()).containsExactly(1, 2, 3);
        assertThat(parsed.index()).isZero();
        assertThat(parsed.path()).isEmpty();
    }
}
