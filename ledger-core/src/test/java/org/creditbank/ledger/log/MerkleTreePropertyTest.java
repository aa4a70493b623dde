package org.creditbank.ledger.log;

import org.creditbank.ledger.log.ProofVerification.ProofRejected;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * For every size up to 70 and random sizes up to 3,000: roots and proofs from stored nodes equal the RFC's recursive
 * definitions, every proof verifies, and changing any hash, the index or a size makes it fail.
 */
class MerkleTreePropertyTest {

    private static final Random RANDOM = new Random(6962);

    private static List<Hash> leaves(int n) {
        List<Hash> leaves = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            leaves.add(Rfc6962.leafHash(ByteBuffer.allocate(8).putLong(i * 7919L).array()));
        }
        return leaves;
    }

    @Test
    void every_root_and_proof_of_small_trees_equals_the_rfc_definition() {
        List<Hash> all = leaves(70);
        InMemoryNodes tree = InMemoryNodes.of(all);
        for (int n = 1; n <= 70; n++) {
            List<Hash> d = all.subList(0, n);
            Hash root = ReferenceTree.mth(d);
            assertThat(MerkleTree.root(n, tree)).as("root %d", n).isEqualTo(root);
            for (int m = 0; m < n; m++) {
                List<Hash> path = MerkleTree.inclusionProof(m, n, tree);
                assertThat(path).as("path %d/%d", m, n).isEqualTo(ReferenceTree.path(m, d));
                ProofVerification.verifyInclusion(m, n, d.get(m), path, root);
            }
            for (int m = 0; m <= n; m++) {
                List<Hash> proof = MerkleTree.consistencyProof(m, n, tree);
                assertThat(proof).as("proof %d→%d", m, n).isEqualTo(ReferenceTree.proof(m, d));
                ProofVerification.verifyConsistency(m, n, ReferenceTree.mth(all.subList(0, m)), root, proof);
            }
        }
    }

    @Test
    void random_proofs_in_larger_trees_verify_and_fail_when_altered() {
        List<Hash> all = leaves(3000);
        InMemoryNodes tree = InMemoryNodes.of(all);
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + RANDOM.nextInt(2999);
            int m = 1 + RANDOM.nextInt(n - 1);
            Hash rootN = MerkleTree.root(n, tree);
            Hash rootM = MerkleTree.root(m, tree);
            int leaf = RANDOM.nextInt(n);

            List<Hash> path = MerkleTree.inclusionProof(leaf, n, tree);
            ProofVerification.verifyInclusion(leaf, n, all.get(leaf), path, rootN);
            List<Hash> proof = MerkleTree.consistencyProof(m, n, tree);
            ProofVerification.verifyConsistency(m, n, rootM, rootN, proof);

            if (!path.isEmpty()) {
                List<Hash> bent = new ArrayList<>(path);
                int at = RANDOM.nextInt(bent.size());
                bent.set(at, Rfc6962.nodeHash(bent.get(at), bent.get(at)));
                assertThatThrownBy(() -> ProofVerification.verifyInclusion(leaf, n, all.get(leaf), bent, rootN))
                        .isInstanceOf(ProofRejected.class);
                assertThatThrownBy(() -> ProofVerification.verifyInclusion(leaf, n, all.get(leaf), path.subList(1,
                        path.size()), rootN)).isInstanceOf(ProofRejected.class);
            }
            int otherLeaf = (leaf + 1) % n;
            if (otherLeaf != leaf && !all.get(otherLeaf).equals(all.get(leaf))) {
                assertThatThrownBy(() -> ProofVerification.verifyInclusion(otherLeaf, n, all.get(leaf), path, rootN))
                        .isInstanceOf(ProofRejected.class);
            }
            assertThatThrownBy(() -> ProofVerification.verifyInclusion(leaf, n, all.get(leaf), path,
                    Rfc6962.nodeHash(rootN, rootN))).isInstanceOf(ProofRejected.class);

            List<Hash> bentProof = new ArrayList<>(proof);
            int at = RANDOM.nextInt(bentProof.size());
            bentProof.set(at, Rfc6962.nodeHash(bentProof.get(at), bentProof.get(at)));
            assertThatThrownBy(() -> ProofVerification.verifyConsistency(m, n, rootM, rootN, bentProof))
                    .isInstanceOf(ProofRejected.class);
            if (m + 1 < n) {
                Hash otherRoot = MerkleTree.root(m + 1, tree);
                assertThatThrownBy(() -> ProofVerification.verifyConsistency(m + 1, n, otherRoot, rootN, proof))
                        .isInstanceOf(ProofRejected.class);
            }
        }
    }

    @Test
    void a_root_or_proof_costs_one_batched_read_of_logarithmically_many_nodes() {
        InMemoryNodes tree = InMemoryNodes.of(leaves(3000));
        for (int n : new int[]{1000, 2047, 2048, 2999, 3000}) {
            int bound = 2 * (64 - Long.numberOfLeadingZeros(n)) + 2;
            tree.readCalls = 0;
            tree.nodesRead = 0;
            MerkleTree.root(n, tree);
            MerkleTree.inclusionProof(n / 3, n, tree);
            MerkleTree.consistencyProof(n / 2 + 1, n, tree);
            assertThat(tree.readCalls).isEqualTo(3);
            assertThat(tree.nodesRead).isLessThanOrEqualTo(3 * bound);
        }
    }

    @Test
    void many_proofs_at_once_equal_the_proofs_one_by_one_with_one_read() {
        InMemoryNodes tree = InMemoryNodes.of(leaves(1500));
        List<Long> indexes = List.of(0L, 7L, 8L, 999L, 1000L, 1333L, 1499L);
        tree.readCalls = 0;
        List<List<Hash>> together = MerkleTree.inclusionProofs(indexes, 1500, tree);
        assertThat(tree.readCalls).isEqualTo(1);
        for (int i = 0; i < indexes.size(); i++) {
            assertThat(together.get(i)).isEqualTo(MerkleTree.inclusionProof(indexes.get(i), 1500, tree));
        }
    }

    @Test
    void a_compact_range_rebuilt_from_storage_continues_the_same_tree() {
        List<Hash> all = leaves(500);
        InMemoryNodes tree = InMemoryNodes.of(all.subList(0, 333));
        CompactRange resumed = CompactRange.of(333, tree);
        InMemoryNodes reference = InMemoryNodes.of(all);
        for (Hash leaf : all.subList(333, 500)) {
            resumed.append(leaf);
        }
        assertThat(resumed.size()).isEqualTo(500);
        assertThat(resumed.root()).isEqualTo(reference.root()).isEqualTo(ReferenceTree.mth(all));
    }
}
