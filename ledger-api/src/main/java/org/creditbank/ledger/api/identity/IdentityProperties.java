package org.creditbank.ledger.api.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the ledger authenticates ({@code ledger.identity.*}; environment variables in docs/configuration.md).
 *
 * @param issuer      the OpenID Connect issuer whose tokens the ledger accepts ({@code LEDGER_IDENTITY_ISSUER}); its
 *                    keys come from the issuer's discovery document and JWKS. Empty: on the embedded default the
 *                    built-in development identity provider is the issuer; on PostgreSQL the server refuses to start
 * @param audience    the audience every token must name ({@code LEDGER_IDENTITY_AUDIENCE}, default {@code ledger})
 * @param rolesClaim  the claim that carries a person's ledger-wide roles, {@code auditor} and {@code operator}
 *                    ({@code LEDGER_IDENTITY_ROLES_CLAIM}, default {@code roles}; Keycloak's
 *                    {@code realm_access.roles} is also read)
 * @param development the built-in development identity provider (embedded default only)
 * @param benchmarkSubject benchmarks only ({@code LEDGER_IDENTITY_BENCHMARK_SUBJECT}): requests without a token are
 *                    signed in as this subject, token validation off; embedded default only (see
 *                    {@link BenchmarkSubject}). Empty: off
 */
@ConfigurationProperties("ledger.identity")
public record IdentityProperties(String issuer, String audience, String rolesClaim, Development development,
                                 String benchmarkSubject) {

    /** The audience tokens must carry unless configured otherwise. */
    public static final String DEFAULT_AUDIENCE = "ledger";

    public IdentityProperties {
        issuer = issuer == null || issuer.isBlank() ? null : issuer.strip();
        audience = audience == null || audience.isBlank() ? DEFAULT_AUDIENCE : audience.strip();
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim.strip();
        development = development == null ? new Development(null, null, null) : development;
        benchmarkSubject = benchmarkSubject == null || benchmarkSubject.isBlank() ? null : benchmarkSubject.strip();
    }

    /**
     * The development identity provider's settings.
     *
     * @param tokenLifetime how long its access tokens live (default one hour)
     * @param roles         ledger-wide roles by user name, e.g. {@code admin: [operator, auditor]}
     * @param clients       system clients (client credentials) by client id, with the scopes they may ask for
     */
    public record Development(Duration tokenLifetime, Map<String, List<String>> roles,
                              Map<String, List<String>> clients) {
        public Development {
            tokenLifetime = tokenLifetime == null ? Duration.ofHours(1) : tokenLifetime;
            roles = roles == null ? Map.of() : Map.copyOf(roles);
            clients = clients == null ? Map.of() : Map.copyOf(clients);
        }

        /** The ledger-wide roles the provider's tokens give this user, if any. */
        public Optional<List<String>> rolesOf(String user) {
            return Optional.ofNullable(roles.get(user)).map(List::copyOf);
        }
    }
}
