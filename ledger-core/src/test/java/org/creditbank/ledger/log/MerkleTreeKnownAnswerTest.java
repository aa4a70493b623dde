package org.creditbank.ledger.log;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published RFC 6962 test vectors (Certificate Transparency's reference tests): eight leaves, the roots of the
 * trees of sizes 1 to 8, and audit and consistency paths. Checked independently against the RFC's definitions.
 */
class MerkleTreeKnownAnswerTest {

    static final List<byte[]> LEAVES = List.of(Hex.decode(""), Hex.decode("00"), Hex.decode("10"),
            Hex.decode("2021"), Hex.decode("3031"), Hex.decode("40414243"), Hex.decode("5051525354555657"),
            Hex.decode("606162636465666768696a6b6c6d6e6f"));

    static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private final InMemoryNodes tree = InMemoryNodes.of(LEAVES.stream().map(Rfc6962::leafHash).toList());

    @Test
    void the_empty_tree_hashes_to_sha256_of_nothing() {
        assertThat(Rfc6962.emptyRoot().hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(MerkleTree.root(0, tree)).isEqualTo(Rfc6962.emptyRoot());
    }

    @Test
    void hashes_are_read_only_in_canonical_padded_base64_and_the_empty_tree_has_the_empty_root() {
        Hash root = Hash.fromHex(ROOTS.get(0));
        assertThat(Hash.fromBase64(root.base64())).isEqualTo(root);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Hash.fromBase64(root.base64().replace("=", "")))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProofVerification.verifyConsistency(0, 8, root,
                        Hash.fromHex(ROOTS.get(7)), List.of()))
                .isInstanceOf(ProofVerification.ProofRejected.class);
        ProofVerification.verifyConsistency(0, 8, Rfc6962.emptyRoot(), Hash.fromHex(ROOTS.get(7)), List.of());
    }

    @Test
    void roots_of_sizes_one_to_eight_match_the_published_vectors() {
        IntStream.rangeClosed(1, 8).forEach(size ->
                assertThat(MerkleTree.root(size, tree).hex()).as("root of size %d", size)
                        .isEqualTo(ROOTS.get(size - 1)));
        assertThat(tree.root().hex()).isEqualTo(ROOTS.get(7));
    }

    @Test
    void audit_paths_match_the_published_vectors_and_verify() {
        assertInclusion(0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertInclusion(5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertInclusion(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertInclusion(1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertInclusion(0, 1);
    }

    @Test
    void consistency_proofs_match_the_published_vectors_and_verify() {
        assertConsistency(1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertConsistency(6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertConsistency(2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertConsistency(1, 1);
    }

    private void assertInclusion(long index, long size, String... expected) {
        List<Hash> proof = MerkleTree.inclusionProof(index, size, tree);
        assertThat(proof).extracting(Hash::hex).containsExactly(expected);
        ProofVerification.verifyInclusion(index, size, Rfc6962.leafHash(LEAVES.get((int) index)), proof,
                Hash.fromHex(ROOTS.get((int) size - 1)));
    }

    private void assertConsistency(long first, long second, String... expected) {
        List<Hash> proof = MerkleTree.consistencyProof(first, second, tree);
        assertThat(proof).extracting(Hash::hex).containsExactly(expected);
        ProofVerification.verifyConsistency(first, second, Hash.fromHex(ROOTS.get((int) first - 1)),
                Hash.fromHex(ROOTS.get((int) second - 1)), proof);
    }
}
