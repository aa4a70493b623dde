package org.creditbank.ledger.api.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditbank.ledger.api.web.Limits;
import org.creditbank.ledger.api.web.RateLimit;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The ledger as an OAuth 2.0 resource server: every request but the open ones (the log, health, the API
 * description) carries a JWT bearer token from the configured issuer — keys from its discovery document and JWKS,
 * rotated by the library; issuer, audience and lifetime checked. What a principal may do is decided after that, by
 * {@link Principals} and the domain's rules. Every answer carries the security headers; browsers may call the API
 * only from the configured origins; each principal's requests are rate-limited.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(IdentityProperties.class)
public class ResourceServer {

    /** Authority of a ledger-wide role from the token. */
    public static final String ROLE_PREFIX = "ROLE_";

    /** Paths anyone may read without a token. */
    static final String[] OPEN = {"/log/**", "/actuator/health", "/actuator/health/**", "/v3/api-docs",
            "/v3/api-docs/**"};

    /** The API serves JSON, never pages: nothing it answers may load or frame anything. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    @Order(3)
    public SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, IdentityProperties identity,
                                           ObjectMapper json, Limits limits,
                                           Environment environment) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        JwtAuthenticationConverter tokens = converter(identity);
        BenchmarkSubject.configured(environment, identity, tokens)
                .ifPresent(benchmark -> http.addFilterAfter(benchmark, BearerTokenAuthenticationFilter.class));
        http.securityMatcher("/**")
                .headers(h -> h
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                // Spring's CORS filter at its place in the chain, given a processor that refuses as problem+json
                // (cors() cannot be given one).
                .addFilter(BrowserOrigins.filter(limits.corsOrigins(), json))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(a -> a
                        .requestMatchers(OPEN).permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(ROLE_PREFIX + Principals.OPERATOR)
                        .requestMatchers("/api/audit/**", "/api/review/**")
                        .hasAuthority(ROLE_PREFIX + Principals.AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/admin/**")
                        .hasAnyAuthority(ROLE_PREFIX + Principals.OPERATOR, ROLE_PREFIX + Principals.AUDITOR)
                        .requestMatchers("/api/admin/**").hasAuthority(ROLE_PREFIX + Principals.OPERATOR)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (limits.requestsPerMinute() > 0) {
            http.addFilterAfter(new RateLimit(limits.requestsPerMinute(), json),
                    BearerTokenAuthenticationFilter.class);
        }
        return http.build();
    }

    /** A benchmark subject (token validation off) is refused before anything starts, unless on the embedded default. */
    @Bean
    static BeanFactoryPostProcessor benchmarkSubjectOnEmbeddedDefaultOnly(Environment environment) {
        return beans -> BenchmarkSubject.refuseOutsideEmbeddedDefault(environment);
    }

    /**
     * Tokens of the configured issuer (or of this server's development provider), found through the issuer's
     * discovery document on first use — so a server starts while its identity provider is still starting. A token's
     * signature is verified once ({@link VerifiedTokens}); its issuer, audience and lifetime on every request.
     */
    @Bean
    public JwtDecoder jwtDecoder(Environment environment, IdentityProperties identity) {
        String issuer = IdentityMode.issuer(environment);
        String audience = identity.audience();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)));
        return new VerifiedTokens(new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }), validator);
    }

    private static JwtAuthenticationConverter converter(IdentityProperties identity) {
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
            for (String role : roles(jwt, identity.rolesClaim())) {
                authorities.add(new SimpleGrantedAuthority(ROLE_PREFIX + role));
            }
            return authorities;
        });
        return converter;
    }

    /** The ledger-wide roles the token grants: its roles claim, or Keycloak's realm roles. */
    static List<String> roles(Jwt jwt, String claim) {
        List<String> roles = new ArrayList<>();
        Object direct = jwt.getClaims().get(claim);
        if (direct instanceof Collection<?> values) {
            values.forEach(v -> roles.add(String.valueOf(v)));
        }
        if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> realm
                && realm.get("roles") instanceof Collection<?> values) {
            values.forEach(v -> roles.add(String.valueOf(v)));
        }
        return roles.stream().filter(Principals.GLOBAL_ROLES::contains).distinct().toList();
    }
}
