package org.creditbank.ledger.tools.bench;

import org.creditbank.ledger.log.CompactRange;
import org.creditbank.ledger.log.Hash;
import org.creditbank.ledger.log.MerkleTree;
import org.creditbank.ledger.log.ProofVerification;
import org.creditbank.ledger.log.StoredNode;
import org.creditbank.ledger.projection.log.JdbcLogStore;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Inclusion proofs served from PostgreSQL: a real tree of ten million leaves is loaded into a scratch schema's
 * {@code log_node} table (dropped afterwards), and proofs are computed through the ledger's own store (one batched
 * query each) and verified; beside them, proofs for a tree of a thousand leaves from the same table.
 */
@Command(name = "bench-stored-proofs", description = "Benchmark: inclusion proofs from PostgreSQL at 10M leaves.")
public class StoredProofBenchmark implements Callable<Integer> {

    @Option(names = "--db-url", required = true, description = "a PostgreSQL database to make a scratch schema in")
    String url;

    @Option(names = "--db-user", defaultValue = "postgres", description = "database user")
    String user;

    @Option(names = "--tree", defaultValue = "10000000", description = "leaves (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--proofs", defaultValue = "2000", description = "proofs per case (default: ${DEFAULT-VALUE})")
    int proofs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String schema = "bench_proofs_" + Long.toHexString(System.nanoTime());
        try (Connection connection = DriverManager.getConnection(url, user, System.getenv("LEDGER_DB_PASSWORD"))) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            jdbc.execute("CREATE SCHEMA " + schema);
            try {
                jdbc.execute("SET search_path TO " + schema);
                jdbc.execute("CREATE TABLE log_node (level SMALLINT NOT NULL, node_index BIGINT NOT NULL,"
                        + " hash BYTEA NOT NULL, PRIMARY KEY (level, node_index))");
                long start = System.nanoTime();
                load(connection.unwrap(PGConnection.class));
                jdbc.execute("ANALYZE log_node");
                PrintWriter out = spec.commandLine().getOut();
                out.printf("loaded %,d leaves (%,d node rows) in %.0f s%n", size,
                        jdbc.queryForObject("SELECT COUNT(*) FROM log_node", Long.class),
                        (System.nanoTime() - start) / 1e9);
                JdbcLogStore store = new JdbcLogStore(jdbc);
                out.println("| case | proofs | p50 ms | p90 ms | p99 ms | max ms |");
                out.println("|---|---:|---:|---:|---:|---:|");
                out.println(time(store, 1000, "reference: proof + verification from PostgreSQL, tree of 1,000"));
                out.println(time(store, size, String.format("proof + verification from PostgreSQL, tree of %,d",
                        size)));
                out.flush();
            } finally {
                jdbc.execute("SET search_path TO public");
                jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        return 0;
    }

    private void load(PGConnection connection) throws Exception {
        CompactRange range = CompactRange.empty();
        StringBuilder rows = new StringBuilder(8 << 20);
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < size; i++) {
            for (StoredNode node : range.append(LogBenchmark.syntheticLeaf(i))) {
                rows.append(node.id().level()).append('\t').append(node.id().index()).append("\t\\\\x")
                        .append(hex.formatHex(node.hash().bytes())).append('\n');
            }
            if (rows.length() > (6 << 20)) {
                connection.getCopyAPI().copyIn("COPY log_node (level, node_index, hash) FROM STDIN",
                        new StringReader(rows.toString()));
                rows.setLength(0);
            }
        }
        connection.getCopyAPI().copyIn("COPY log_node (level, node_index, hash) FROM STDIN",
                new StringReader(rows.toString()));
    }

    private String time(JdbcLogStore store, long treeSize, String label) {
        Random random = new Random(6962);
        Hash root = MerkleTree.root(treeSize, store);
        long[] nanos = new long[proofs];
        for (int i = -200; i < proofs; i++) {
            long index = (long) (random.nextDouble() * treeSize);
            long start = System.nanoTime();
            List<Hash> path = MerkleTree.inclusionProof(index, treeSize, store);
            Hash leaf = store.read(List.of(new org.creditbank.ledger.log.NodeId(0, index))).get(0);
            ProofVerification.verifyInclusion(index, treeSize, leaf, path, root);
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        return String.format("| %s | %,d | %.2f | %.2f | %.2f | %.2f |", label, proofs, pct(nanos, 50),
                pct(nanos, 90), pct(nanos, 99), nanos[nanos.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
