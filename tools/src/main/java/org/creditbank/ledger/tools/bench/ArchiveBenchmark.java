package org.creditbank.ledger.tools.bench;

import org.creditbank.ledger.tools.LedgerHttp;
import org.creditbank.ledger.tools.VerifyArchive;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditbank.ledger.log.Checkpoint;
import org.creditbank.ledger.log.NoteKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Benchmarks the verified archive of a learner with many achievements against a running ledger: producing it (the
 * server, over HTTP) beside reading the same account (the reference), and verifying it offline.
 */
@Command(name = "bench-archive", description = "Benchmark: produce and verify the verified archive of a learner.")
public class ArchiveBenchmark implements Callable<Integer> {

    @Mixin
    LedgerTarget target;

    @Option(names = "--achievements", defaultValue = "200", description = "achievements of the learner (default: ${DEFAULT-VALUE})")
    int achievements;

    @Option(names = "--samples", defaultValue = "100", description = "timed runs per case (default: ${DEFAULT-VALUE})")
    int samples;

    @Mixin
    CertifierToken certifierToken;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LedgerHttp ledger = target.ledger();
        NoteKeys.Verifier verifier = NoteKeys.Verifier.parse(ledger.get("/log/key").strip());
        LedgerHttp certifier = certifierToken.certifier(target);
        String learner = ledger.openAccount();
        for (int i = 0; i < achievements; i++) {
            String id = ledger.record(learner, "ARCH-" + i);
            certifier.post("/api/learners/" + learner + "/achievements/" + id + "/certification", "");
        }
        int events = 1 + 2 * achievements;
        String path = "/api/learners/" + learner + "/verified-archive";
        ObjectMapper json = new ObjectMapper();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            try {
                if (json.readTree(ledger.get(path)).path("entries").size() == events) {
                    break;
                }
            } catch (IllegalStateException notYet) {
                // not yet under a checkpoint
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the archive did not reach " + events + " entries within a minute");
            }
            Thread.sleep(100);
        }
        for (int i = 0; i < 20; i++) {
            ledger.get("/api/learners/" + learner);
            VerifyArchive.verify(json.readTree(ledger.get(path)), verifier);
        }

        long[] reference = new long[samples];
        long[] produce = new long[samples];
        long[] verify = new long[samples];
        String archive = null;
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            ledger.get("/api/learners/" + learner);
            reference[i] = System.nanoTime() - start;
            start = System.nanoTime();
            archive = ledger.get(path);
            produce[i] = System.nanoTime() - start;
            start = System.nanoTime();
            JsonNode parsed = json.readTree(archive);
            VerifyArchive.verify(parsed, verifier);
            verify[i] = System.nanoTime() - start;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("| case (" + achievements + " certified achievements, " + events + " events, archive "
                + archive.length() / 1024 + " KiB, tree size "
                + Checkpoint.open(json.readTree(archive).path("checkpoint").asText(), verifier).size()
                + ") | runs | p50 ms | p90 ms | p99 ms | max ms |");
        out.println("|---|---:|---:|---:|---:|---:|");
        out.println(CommandBenchmark.row("reference: read the account over HTTP", reference));
        out.println(CommandBenchmark.row("produce the verified archive over HTTP", produce));
        out.println(CommandBenchmark.row("verify the archive offline (parse + every check)", verify));
        out.flush();
        return 0;
    }
}
