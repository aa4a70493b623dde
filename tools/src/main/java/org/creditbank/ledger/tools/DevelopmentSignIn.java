package org.creditbank.ledger.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Obtains access tokens from the ledger's development identity provider the way a browser and a system do: a person
 * signs in through the authorization-code flow with PKCE (RFC 7636) — the sign-in form posted, the code taken from
 * the loopback redirect (RFC 8252) and exchanged — and a system client through the client-credentials grant.
 */
public final class DevelopmentSignIn {

    /** The development provider's public client and its loopback redirect. */
    public static final String PUBLIC_CLIENT = "ledger-cli";
    static final String REDIRECT = "http://127.0.0.1/callback";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI issuer;
    private final HttpClient client;

    public DevelopmentSignIn(URI issuer) {
        this.issuer = URI.create(issuer.toString().replaceAll("/+$", "") + "/");
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Signs {@code user} in with {@code password} and answers their access token. */
    public String signIn(String user, String password) {
        String verifier = random();
        String state = random();
        String authorize = "oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", PUBLIC_CLIENT,
                "scope", "openid profile", "redirect_uri", REDIRECT, "state", state,
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> toLogin = get(issuer.resolve(authorize));
        HttpResponse<String> loginPage = get(location(toLogin));
        Matcher csrf = CSRF.matcher(loginPage.body());
        if (!csrf.find()) {
            throw new IllegalStateException("the identity provider's sign-in page has no form to post ("
                    + loginPage.statusCode() + ")");
        }
        HttpResponse<String> signedIn = post(issuer.resolve("login"), Map.of("username", user, "password", password,
                "_csrf", csrf.group(1)), null);
        URI next = location(signedIn);
        if (next.toString().contains("error")) {
            throw new IllegalStateException("the identity provider refused the sign-in of " + user);
        }
        URI callback = location(get(next));
        Map<String, String> answer = query(callback);
        if (!state.equals(answer.get("state")) || answer.get("code") == null) {
            throw new IllegalStateException("the identity provider answered no code: " + answer);
        }
        return token(Map.of("grant_type", "authorization_code", "code", answer.get("code"), "redirect_uri", REDIRECT,
                "client_id", PUBLIC_CLIENT, "code_verifier", verifier), null);
    }

    /** A system client's access token (client credentials) for the given scopes, separated by spaces. */
    public String clientToken(String clientId, String secret, String scopes) {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return token(Map.of("grant_type", "client_credentials", "scope", scopes), "Basic " + basic);
    }

    private String token(Map<String, String> form, String authorization) {
        HttpResponse<String> response = post(issuer.resolve("oauth2/token"), form, authorization);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the identity provider refused a token (" + response.statusCode() + "): "
                    + response.body());
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("the identity provider's token answer is not JSON", e);
        }
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET());
    }

    private HttpResponse<String> post(URI uri, Map<String, String> form, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (authorization != null) {
            request.header("Authorization", authorization).header("Accept", "application/json");
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the identity provider at " + issuer + ": " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private URI location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "the identity provider answered " + response.statusCode() + " where it should redirect"));
        return response.uri().resolve(location);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return values;
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
