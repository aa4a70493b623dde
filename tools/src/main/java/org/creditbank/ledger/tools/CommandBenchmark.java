package org.creditbank.ledger.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Measures how fast a running ledger answers a command (recording an achievement) for a learner with a long history,
 * beside the reference figure for learners with no history, both in the same run against the same server.
 */
@Command(name = "bench-commands",
        description = "Benchmark: command latency for a learner with a long history vs. fresh learners.")
class CommandBenchmark implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "the ledger (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--officer", required = true, description = "an officer of an active branch")
    String officer;

    @Option(names = "--branch", required = true, description = "the branch the officer acts for")
    String branch;

    @Option(names = "--history", defaultValue = "1000", description = "events on the long-history learner (default: ${DEFAULT-VALUE})")
    int history;

    @Option(names = "--samples", defaultValue = "200", description = "timed commands per case (default: ${DEFAULT-VALUE})")
    int samples;

    @Spec
    CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws Exception {
        if (history < 1 || samples < 10) {
            throw new IllegalArgumentException("--history must be at least 1 and --samples at least 10");
        }
        PrintWriter out = spec.commandLine().getOut();
        warmUp();

        long[] reference = new long[samples];
        for (int i = 0; i < samples; i++) {
            String fresh = openAccount();
            reference[i] = timedRecord(fresh, "REF-" + i);
        }

        String busy = openAccount();
        for (int i = 1; i < history; i++) {
            record(busy, "HIST-" + i);
        }
        long[] loaded = new long[samples];
        for (int i = 0; i < samples; i++) {
            loaded[i] = timedRecord(busy, "LOAD-" + i);
        }

        out.println("| case | commands | p50 ms | p90 ms | p99 ms | max ms |");
        out.println("|---|---:|---:|---:|---:|---:|");
        out.println(row("reference: record on a fresh learner (1 event)", reference));
        out.println(row("record on a learner with " + history + "+ events", loaded));
        out.flush();
        return 0;
    }

    private void warmUp() throws Exception {
        String learner = openAccount();
        for (int i = 0; i < 50; i++) {
            record(learner, "WARM-" + i);
        }
    }

    private String openAccount() throws Exception {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("fullName", "Benchmark Learner");
        person.put("idDocumentType", "BENCHMARK");
        person.put("idDocumentNumber", UUID.randomUUID().toString());
        person.put("birthDate", "2000-01-01");
        JsonNode reply = post("/api/learners", person);
        return reply.get("learnerNumber").asText();
    }

    private long timedRecord(String learner, String externalId) throws Exception {
        long start = System.nanoTime();
        record(learner, externalId);
        return System.nanoTime() - start;
    }

    private void record(String learner, String externalId) throws Exception {
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("kind", "ONLINE_COURSE");
        achievement.put("title", "Benchmark course " + externalId);
        achievement.put("awardingBody", "Benchmark MOOC");
        achievement.put("achievedOn", "2025-01-01");
        achievement.put("evidence", Map.of("sha256", "0".repeat(64), "mediaType", "application/pdf"));
        achievement.put("credits", Map.of("amount", 1, "unit", "HOURS"));
        achievement.put("externalReference", Map.of("issuer", "BENCH-" + learner, "id", externalId));
        post("/api/learners/" + learner + "/achievements", achievement);
    }

    private JsonNode post(String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json")
                .header("Ledger-Officer", officer)
                .header("Ledger-Branch", branch)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private static String row(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("| %s | %d | %.2f | %.2f | %.2f | %.2f |", label, sorted.length, ms(pct(sorted, 50)),
                ms(pct(sorted, 90)), ms(pct(sorted, 99)), ms(sorted[sorted.length - 1]));
    }

    private static long pct(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
