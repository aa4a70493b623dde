package org.creditbank.ledger.tools.bench;

import org.creditbank.ledger.log.CompactRange;
import org.creditbank.ledger.log.Hash;
import org.creditbank.ledger.log.HashReader;
import org.creditbank.ledger.log.leaf.LeafBatch;
import org.creditbank.ledger.log.MerkleTree;
import org.creditbank.ledger.log.NodeId;
import org.creditbank.ledger.log.ProofVerification;
import org.creditbank.ledger.log.Rfc6962;
import org.creditbank.ledger.log.StoredNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Benchmarks of the log core in isolation, each beside a reference measured in the same run: building and appending
 * leaves (the sequencer's work without the database), against plain SHA-256 of the same bytes; and inclusion proofs
 * in a tree of ten million leaves, against the same in a tree of a thousand.
 */
@Command(name = "bench-log", description = "Benchmark: leaves appended per second; inclusion proofs at 10M leaves."
        + " Run with -Xmx2g or more.")
public class LogBenchmark implements Callable<Integer> {

    @Option(names = "--leaves", defaultValue = "300000", description = "leaves to append (default: ${DEFAULT-VALUE})")
    int leaves;

    @Option(names = "--tree", defaultValue = "10000000", description = "tree size for proofs (default: ${DEFAULT-VALUE})")
    int treeSize;

    @Option(names = "--proofs", defaultValue = "20000", description = "proofs to time (default: ${DEFAULT-VALUE})")
    int proofs;

    @Spec
    CommandSpec spec;

    /** Each measurement is taken this many times; the median is reported (a 2-core machine is noisy). */
    private static final int ROUNDS = 3;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("| measurement | items | per second | µs each |");
        out.println("|---|---:|---:|---:|");

        List<LeafBatch.Input> events = new ArrayList<>(leaves);
        for (int i = 0; i < leaves; i++) {
            // A batch mixes many learners, as the ledger's traffic does: 1,000 accounts, round robin.
            events.add(new LeafBatch.Input("e-" + i, "learner-" + (i % 1000), i / 1000,
                    "org.creditbank.ledger.achievement.AchievementEvent$AchievementRecorded",
                    "2026-03-01T09:00:00.123Z", payload(i), metadata(i)));
        }
        appendLeaves(events.subList(0, Math.min(50_000, leaves)));
        long[] rounds = new long[ROUNDS];
        CompactRange range = null;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            range = appendLeaves(events);
            rounds[round] = System.nanoTime() - start;
        }
        report(out, "sequencer pipeline (batches of 1,000): v2 envelope + RFC 8785 + leaf hash + tree append", leaves,
                median(rounds));

        List<byte[]> raw = events.stream().map(e -> e.payloadJson().getBytes(StandardCharsets.UTF_8)).toList();
        Hash sink = null;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (byte[] bytes : raw) {
                sink = Rfc6962.sha256(bytes);
            }
            rounds[round] = System.nanoTime() - start;
        }
        report(out, "reference: plain SHA-256 of each payload", leaves, median(rounds));

        ArrayNodes big = ArrayNodes.build(treeSize);
        ArrayNodes small = ArrayNodes.build(1000);
        timeProofs(out, small, 1000, "reference: inclusion proof + verification, tree of 1,000");
        timeProofs(out, big, treeSize, "inclusion proof + verification, tree of " + String.format("%,d", treeSize));
        out.flush();
        return sink == null || range.size() != leaves ? 1 : 0;
    }

    /** What the sequencer does with each batch, minus the database: build the leaves, append them in order. */
    private static CompactRange appendLeaves(List<LeafBatch.Input> events) {
        CompactRange range = CompactRange.empty();
        Map<String, Hash> last = new HashMap<>();
        for (int from = 0; from < events.size(); from += 1000) {
            List<LeafBatch.Output> batch = LeafBatch.build(events.subList(from, Math.min(events.size(),
                    from + 1000)), first -> last.get(first.aggregateId()));
            for (LeafBatch.Output leaf : batch) {
                range.append(leaf.hash());
                last.put(leaf.input().aggregateId(), leaf.hash());
            }
        }
        return range;
    }

    private void timeProofs(PrintWriter out, ArrayNodes tree, long size, String label) {
        Random random = new Random(9162);
        Hash root = MerkleTree.root(size, tree);
        for (int i = 0; i < 2000; i++) {
            long index = (long) (random.nextDouble() * size);
            ProofVerification.verifyInclusion(index, size, tree.leaf(index), MerkleTree.inclusionProof(index, size,
                    tree), root);
        }
        long start = System.nanoTime();
        for (int i = 0; i < proofs; i++) {
            long index = (long) (random.nextDouble() * size);
            List<Hash> path = MerkleTree.inclusionProof(index, size, tree);
            ProofVerification.verifyInclusion(index, size, tree.leaf(index), path, root);
        }
        report(out, label, proofs, System.nanoTime() - start);
    }

    private static long median(long[] rounds) {
        long[] sorted = rounds.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void report(PrintWriter out, String label, long items, long nanos) {
        out.printf("| %s | %,d | %,.0f | %.2f |%n", label, items, items / (nanos / 1e9), nanos / 1e3 / items);
    }

    private static String payload(int i) {
        return "{\"learnerNumber\":\"330100000000000011\",\"achievementId\":\"" + new java.util.UUID(i, i)
                + "\",\"kind\":\"ACADEMIC_COURSE\",\"title\":\"Course " + i + "\",\"awardingBody\":\"Zhejiang"
                + " University\",\"assessingBody\":\"Zhejiang University\",\"achievedOn\":\"2025-06-30\","
                + "\"evidenceSha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
                + "\"evidenceMediaType\":\"application/pdf\",\"evidenceLocation\":null,\"credits\":\"3.5\","
                + "\"creditUnit\":\"BANK_CREDIT\",\"qualificationLevel\":6,\"vocationalLevel\":null,"
                + "\"resultScheme\":\"PERCENT\",\"resultValue\":\"91\",\"externalIssuer\":\"ZJU\",\"externalId\":\"LA-"
                + i + "\",\"certificateSerial\":null,\"recordedBy\":\"alice\",\"branchCode\":\"HZ-BRANCH\","
                + "\"at\":\"2026-03-01T09:00:00.123456Z\"}";
    }

    /** Metadata as the ledger stores it: who acted, as whom, for which branch, and the request. */
    private static String metadata(int i) {
        return "{\"subject\":\"" + new java.util.UUID(7, i) + "\",\"role\":\"OFFICER\",\"officerId\":\"alice\","
                + "\"branchCode\":\"HZ-BRANCH\",\"correlationId\":\"" + new java.util.UUID(i, 7) + "\"}";
    }

    /** The leaf hash of the benchmarks' synthetic leaf {@code i}. */
    static Hash syntheticLeaf(int i) {
        return Rfc6962.leafHash(new byte[]{(byte) i, (byte) (i >> 8), (byte) (i >> 16), (byte) (i >> 24)});
    }

    /** Every stored node hash of a tree, level by level in flat arrays: 64 bytes per leaf in all. */
    static final class ArrayNodes implements HashReader {

        private final byte[][] levels;

        private ArrayNodes(byte[][] levels) {
            this.levels = levels;
        }

        static ArrayNodes build(int size) {
            int height = 64 - Long.numberOfLeadingZeros(size);
            byte[][] levels = new byte[height + 1][];
            for (int level = 0; level <= height; level++) {
                levels[level] = new byte[(int) ((size >> level) * Hash.SIZE)];
            }
            CompactRange range = CompactRange.empty();
            for (int i = 0; i < size; i++) {
                for (StoredNode node : range.append(syntheticLeaf(i))) {
                    System.arraycopy(node.hash().bytes(), 0, levels[node.id().level()],
                            (int) (node.id().index() * Hash.SIZE), Hash.SIZE);
                }
            }
            return new ArrayNodes(levels);
        }

        Hash leaf(long index) {
            return read(List.of(new NodeId(0, index))).get(0);
        }

        @Override
        public List<Hash> read(List<NodeId> nodes) {
            List<Hash> hashes = new ArrayList<>(nodes.size());
            for (NodeId node : nodes) {
                int from = (int) (node.index() * Hash.SIZE);
                hashes.add(Hash.of(Arrays.copyOfRange(levels[node.level()], from, from + Hash.SIZE)));
            }
            return hashes;
        }
    }
}
