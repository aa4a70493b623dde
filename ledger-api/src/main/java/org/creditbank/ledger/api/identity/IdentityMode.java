package org.creditbank.ledger.api.identity;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Where tokens come from: a configured issuer (production: the province's identity provider), or — on the embedded
 * default only — the ledger's own development identity provider. On PostgreSQL without an issuer there is no safe
 * choice, so the server refuses to start.
 */
public final class IdentityMode {

    private IdentityMode() {
    }

    /** Whether this server runs on the embedded default (H2 in its data folder), one node by construction. */
    public static boolean onEmbeddedDatabase(Environment environment) {
        return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
    }

    /** Whether this server runs the development identity provider itself. */
    public static boolean runsDevelopmentProvider(Environment environment) {
        return environment.getProperty("ledger.identity.issuer", "").isBlank() && onEmbeddedDatabase(environment);
    }

    /** The issuer this server accepts tokens from, refusing a PostgreSQL server with none configured. */
    public static String issuer(Environment environment) {
        String issuer = environment.getProperty("ledger.identity.issuer", "").strip();
        if (!issuer.isEmpty()) {
            return issuer;
        }
        if (!runsDevelopmentProvider(environment)) {
            throw new IllegalStateException("LEDGER_IDENTITY_ISSUER is not set: on PostgreSQL the ledger accepts"
                    + " tokens only from a configured OpenID Connect issuer (the province's identity provider); the"
                    + " built-in development identity provider runs on the embedded default only. See"
                    + " docs/security.md");
        }
        return developmentIssuer(environment);
    }

    /** The development provider's issuer: this server itself, on its configured port. */
    public static String developmentIssuer(Environment environment) {
        String port = environment.getProperty("server.port", "8080");
        if ("0".equals(port.strip())) {
            throw new IllegalStateException("the development identity provider needs a fixed port (LEDGER_PORT):"
                    + " its issuer URL names it");
        }
        return "http://localhost:" + port.strip();
    }

    /** Matches when this server runs the development identity provider. */
    public static final class DevelopmentProvider implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return runsDevelopmentProvider(context.getEnvironment());
        }
    }
}
