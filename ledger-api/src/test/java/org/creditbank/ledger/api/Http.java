package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small HTTP client for the tests: JSON in, JSON (or text) out, headers as name/value pairs. The pseudo-header
 * {@code As} names who signs in: a user of the identity provider, whose access token is sent as the bearer token;
 * {@code As: -} sends no token, {@code As: client:ID} a system client's. A request naming nobody (and no {@code Authorization}) signs in as
 * {@link Identity#ROOT}, who holds every ledger-wide role.
 */
public final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The pseudo-header naming who signs in. */
    public static final String AS = "As";
    /** Its value for a request without a token. */
    public static final String ANONYMOUS = "-";
    /** Its prefix for a system client (client credentials, scopes ledger.read and ledger.write). */
    public static final String CLIENT = "client:";

    private final String base;
    private final Identity identity;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    Http(String base, Identity identity) {
        this.base = base;
        this.identity = identity;
    }

    /** The identity provider behind this client's tokens. */
    public Identity identity() {
        return identity;
    }

    public String base() {
        return base;
    }

    /** A response: status, headers, the body as text and, when it is JSON, parsed. */
    public record Reply(int status, HttpHeaders headers, String text) {

        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public Reply get(String path, String... headers) {
        return send(builder(path, headers).GET());
    }

    /** A GET whose answer is binary (a PDF, say). */
    public byte[] getBytes(String path, String... headers) {
        try {
            HttpResponse<byte[]> response = client.send(builder(path, headers).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply post(String path, Object body, String... headers) {
        return send("POST", path, "application/json", text(body).getBytes(StandardCharsets.UTF_8), headers);
    }

    public Reply put(String path, Object body, String... headers) {
        return send("PUT", path, "application/json", text(body).getBytes(StandardCharsets.UTF_8), headers);
    }

    /** A request whose body is sent byte for byte (invalid UTF-8, say) under any content type (none when null). */
    public Reply send(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder builder = builder(path, headers)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    /** Any request: a method, a body (chunked when its publisher has no length) and headers. */
    public Reply send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        return send(builder(path, headers).method(method, body));
    }

    private HttpRequest.Builder builder(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        String as = Identity.ROOT;
        for (int i = 0; i < headers.length; i += 2) {
            if (AS.equals(headers[i])) {
                as = headers[i + 1];
            } else if ("Authorization".equalsIgnoreCase(headers[i])) {
                as = ANONYMOUS;
                builder.header(headers[i], headers[i + 1]);
            } else {
                builder.header(headers[i], headers[i + 1]);
            }
        }
        if (as.startsWith(CLIENT)) {
            builder.header("Authorization", "Bearer " + identity.clientToken(as.substring(CLIENT.length()),
                    "ledger.read ledger.write"));
        } else if (!ANONYMOUS.equals(as)) {
            builder.header("Authorization", "Bearer " + identity.token(as));
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
