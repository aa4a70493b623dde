package org.creditbank.ledger.api.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Benchmarks only: token validation switched off, so a benchmark can measure what it costs. With
 * {@code ledger.identity.benchmark-subject} set, a request that carries no bearer token is signed in as that subject,
 * with the roles and scopes a token of the development identity provider would give it; everything after the token —
 * the principal's appointments, the access rules, the domain's rules — runs unchanged. A request that carries a token
 * is validated as always. Only the embedded default may run it: on any other database the server refuses to start.
 */
final class BenchmarkSubject extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkSubject.class);
    /** The scopes of a person's token from the development provider's public client. */
    private static final String PERSON_SCOPES = "openid profile";

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final AbstractAuthenticationToken authentication;

    private BenchmarkSubject(AbstractAuthenticationToken authentication) {
        this.authentication = authentication;
    }

    /**
     * Refuses a benchmark subject anywhere but on the embedded default. The server calls it from a bean factory
     * post-processor, so it stops before it touches the database.
     */
    static void refuseOutsideEmbeddedDefault(Environment environment) {
        boolean set = !Binder.get(environment).bind("ledger.identity.benchmark-subject", String.class)
                .orElse("").isBlank();
        if (set && !IdentityMode.onEmbeddedDatabase(environment)) {
            throw new IllegalStateException("LEDGER_IDENTITY_BENCHMARK_SUBJECT is set: it switches token validation"
                    + " off and is for benchmarks on the embedded default only; the ledger refuses to run it on"
                    + " PostgreSQL. Unset it. See docs/security.md");
        }
    }

    /** The filter when the setting names a subject; empty (and nothing changed) when it is unset. */
    static Optional<BenchmarkSubject> configured(Environment environment, IdentityProperties identity,
                                                 Converter<Jwt, AbstractAuthenticationToken> tokens) {
        String subject = identity.benchmarkSubject();
        if (subject == null) {
            return Optional.empty();
        }
        refuseOutsideEmbeddedDefault(environment);
        Instant now = Instant.now();
        Jwt.Builder jwt = Jwt.withTokenValue("benchmark-subject").header("alg", "none").subject(subject)
                .audience(List.of(identity.audience())).claim("scope", PERSON_SCOPES).issuedAt(now);
        identity.development().rolesOf(subject).ifPresent(roles -> jwt.claim(identity.rolesClaim(), roles));
        LOG.warn("BENCHMARK MODE: token validation is OFF. Every request without a bearer token is signed in as"
                + " \"{}\" (LEDGER_IDENTITY_BENCHMARK_SUBJECT). For benchmarks only; never run a ledger like this for"
                + " anyone.", subject);
        return Optional.of(new BenchmarkSubject(tokens.convert(jwt.build())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (contexts.getContext().getAuthentication() == null) {
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(authentication);
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
