package org.creditbank.ledger.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A running ledger, driven over HTTP by the benchmarks as one principal (its bearer token). */
public final class LedgerHttp {

    private final String url;
    private final String token;
    private final String branch;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public LedgerHttp(String url, String token, String branch) {
        this.url = url;
        this.token = token;
        this.branch = branch;
    }

    /** Opens an account for a new (benchmark) person and answers its learner number. */
    public String openAccount() throws IOException, InterruptedException {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("fullName", "Benchmark Learner");
        person.put("idDocumentType", "BENCHMARK");
        person.put("idDocumentNumber", UUID.randomUUID().toString());
        person.put("birthDate", "2000-01-01");
        return post("/api/learners", person).get("learnerNumber").asText();
    }

    /** Records an online course and answers its achievement id. */
    public String record(String learner, String externalId) throws IOException, InterruptedException {
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("kind", "ONLINE_COURSE");
        achievement.put("title", "Benchmark course " + externalId);
        achievement.put("awardingBody", "Benchmark MOOC");
        achievement.put("achievedOn", "2025-01-01");
        achievement.put("evidence", Map.of("sha256", "0".repeat(64), "mediaType", "application/pdf"));
        achievement.put("credits", Map.of("amount", 1, "unit", "HOURS"));
        achievement.put("externalReference", Map.of("issuer", "BENCH-" + learner, "id", externalId));
        return post("/api/learners/" + learner + "/achievements", achievement).get("achievementId").asText();
    }

    public JsonNode post(String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = signedIn(HttpRequest.newBuilder(URI.create(url + path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        return json.readTree(checked(path, client.send(request, HttpResponse.BodyHandlers.ofString())));
    }

    public String get(String path) throws IOException, InterruptedException {
        HttpRequest request = signedIn(HttpRequest.newBuilder(URI.create(url + path))).GET().build();
        return checked(path, client.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private HttpRequest.Builder signedIn(HttpRequest.Builder request) {
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token.strip());
        }
        if (branch != null) {
            request.header("Ledger-Branch", branch);
        }
        return request;
    }

    private static String checked(String path, HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new UnexpectedStatus(path, response.statusCode(), response.body());
        }
        return response.body();
    }

    /** The ledger answered, but not with success: its status and its problem+json body. */
    public static final class UnexpectedStatus extends IllegalStateException {

        private final int status;
        private final String body;

        UnexpectedStatus(String path, int status, String body) {
            super(path + " answered " + status + ": " + body);
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }
    }
}
