package org.creditbank.ledger.api.identity.provider;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.creditbank.ledger.api.config.SecretKeys;
import org.creditbank.ledger.api.identity.IdentityMode;
import org.creditbank.ledger.api.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The development identity provider: a real OAuth 2.0 / OpenID Connect authorization server (Spring Authorization
 * Server) that the embedded default runs beside the ledger, so the README's commands need nothing else. People sign
 * in with any user name and the development password kept in the data folder ({@code identity/development-password});
 * their ledger-wide roles come from configuration; system clients use the client-credentials grant with that same
 * password as secret. Its signing key is kept in the data folder too. Never for production: production names the
 * province's identity provider ({@code LEDGER_IDENTITY_ISSUER}), and then this does not run.
 *
 * <p>Imported, never scanned: by the ledger server when {@link IdentityMode#runsDevelopmentProvider} holds, and by
 * {@link org.creditbank.ledger.developmentidp.StandaloneIdentityProvider} (the same provider as a server of its own, for several nodes or PostgreSQL in
 * development and tests).
 */
public class DevelopmentIdentityProvider {

    /** The public client of the command-line program and of the pages: authorization code with PKCE. */
    public static final String PUBLIC_CLIENT = "ledger-cli";
    /** Where the public client is sent back with its code: a loopback address, per RFC 8252 any port. */
    public static final String PUBLIC_REDIRECT = "http://127.0.0.1/callback";

    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");

    /** The sign-in secrets, from the data folder. */
    record Secrets(String password, RSAKey signingKey) {
    }

    @Bean
    Secrets developmentSecrets(Environment environment) {
        Path folder = Path.of(environment.getProperty("ledger.data-dir", "ledger-data")).resolve("identity");
        String password = SecretKeys.load(new SecretKeys.Secret<>("development identity provider password",
                        "LEDGER_IDENTITY_DEVELOPMENT_PASSWORD", DevelopmentIdentityProvider::newPassword, text -> text),
                null, null, folder.resolve("development-password"), true);
        RSAKey key = SecretKeys.load(new SecretKeys.Secret<>("development identity provider signing key",
                        "LEDGER_IDENTITY_DEVELOPMENT_KEY", DevelopmentIdentityProvider::newSigningKey,
                        DevelopmentIdentityProvider::parseKey),
                null, null, folder.resolve("signing-key.jwk"), true);
        return new Secrets(password, key);
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurity(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, s -> s.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signInSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/login", "/logout", "/default-ui.css")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                // Spring's default headers (nosniff, frames denied, no caching) and no referrer; no content security
                // policy here: the sign-in page loads its style sheet.
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService developmentUsers(Secrets secrets) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String hash = encoder.encode(secrets.password());
        return name -> {
            if (name == null || !USER_NAME.matcher(name).matches()) {
                throw new UsernameNotFoundException("not a user name");
            }
            return User.withUsername(name).password(hash).authorities("USER").build();
        };
    }

    @Bean
    RegisteredClientRepository developmentClients(Secrets secrets, IdentityProperties identity) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenTimeToLive(identity.development().tokenLifetime()).build();
        List<RegisteredClient> clients = new ArrayList<>();
        clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(PUBLIC_CLIENT.getBytes()).toString())
                .clientId(PUBLIC_CLIENT)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(PUBLIC_REDIRECT)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokens)
                .build());
        identity.development().clients().forEach((clientId, scopes) -> clients.add(
                RegisteredClient.withId(UUID.nameUUIDFromBytes(clientId.getBytes()).toString())
                        .clientId(clientId).clientSecret(encoder.encode(secrets.password()))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scopes(s -> s.addAll(scopes))
                        .tokenSettings(tokens)
                        .build()));
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    JWKSource<SecurityContext> developmentJwkSource(Secrets secrets) {
        return new ImmutableJWKSet<>(new JWKSet(secrets.signingKey()));
    }

    @Bean
    AuthorizationServerSettings developmentServerSettings(Environment environment) {
        return AuthorizationServerSettings.builder()
                .issuer(IdentityMode.developmentIssuer(environment)).build();
    }

    /** Access tokens name the ledger as audience and carry the user's ledger-wide roles. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> developmentTokenClaims(IdentityProperties identity) {
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().audience(List.of(identity.audience()));
                identity.development().rolesOf(context.getPrincipal().getName())
                        .ifPresent(roles -> context.getClaims().claim(identity.rolesClaim(), roles));
            }
        };
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String newSigningKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate().toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the development signing key", e);
        }
    }

    private static RSAKey parseKey(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not an RSA JWK");
        }
    }
}
