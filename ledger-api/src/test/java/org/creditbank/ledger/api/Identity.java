package org.creditbank.ledger.api;

import org.creditbank.ledger.developmentidp.StandaloneIdentityProvider;
import org.creditbank.ledger.tools.DevelopmentSignIn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identity provider the tests sign in at, as production signs in at the province's: a running OAuth 2.0 /
 * OpenID Connect authorization server (the ledger's development provider), reached over HTTP for every token. An
 * embedded ledger is its own provider; ledgers on PostgreSQL share one provider started for the test JVM.
 */
public final class Identity {

    /** Signs in with every ledger-wide role: what a test's request without a principal of its own acts as. */
    public static final String ROOT = "root";
    /** Signs in as an auditor only. */
    public static final String AUDITOR = "auditor-ann";
    /** Signs in as an operator only. */
    public static final String OPERATOR = "operator-oz";
    /** A branch system's client id (client credentials). */
    public static final String SYSTEM_CLIENT = "hz-registry";

    private static ConfigurableApplicationContext shared;
    private static Identity sharedIdentity;

    private final URI issuer;
    private final Path passwordFile;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Identity(URI issuer, Path dataDir) {
        this.issuer = issuer;
        this.passwordFile = dataDir.resolve("identity").resolve("development-password");
    }

    /** The development provider's settings every test ledger and the shared provider use. */
    static Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("ledger.identity.development.roles." + ROOT, "operator,auditor");
        settings.put("ledger.identity.development.roles." + AUDITOR, "auditor");
        settings.put("ledger.identity.development.roles." + OPERATOR, "operator");
        settings.put("ledger.identity.development.clients." + SYSTEM_CLIENT, "ledger.read,ledger.write");
        settings.put("ledger.identity.development.clients.hz-reader", "ledger.read,ledger.write");
        return settings;
    }

    /** The provider that ledgers on PostgreSQL share, started on first use and stopped when the JVM exits. */
    static synchronized Identity shared() {
        if (shared == null) {
            int port = freePort();
            Path dataDir = temporaryFolder();
            Map<String, Object> properties = settings();
            properties.put("server.port", port);
            properties.put("ledger.data-dir", dataDir);
            properties.put("logging.level.root", "WARN");
            String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            shared = new SpringApplicationBuilder(StandaloneIdentityProvider.class).run(args);
            sharedIdentity = new Identity(URI.create("http://localhost:" + port), dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "identity-provider-shutdown"));
        }
        return sharedIdentity;
    }

    /** The file holding the development password. */
    public Path passwordFile() {
        return passwordFile;
    }

    /** The issuer URL. */
    public URI issuer() {
        return issuer;
    }

    /** A person's access token, signed in through the authorization-code flow (kept for reuse). */
    public String token(String user) {
        return tokens.computeIfAbsent(user, u -> new DevelopmentSignIn(issuer).signIn(u, password()));
    }

    /** A system client's access token with the given scopes. */
    public String clientToken(String clientId, String scopes) {
        return tokens.computeIfAbsent("client:" + clientId + ":" + scopes,
                k -> new DevelopmentSignIn(issuer).clientToken(clientId, password(), scopes));
    }

    private String password() {
        try {
            return Files.readString(passwordFile, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("ledger-identity-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
