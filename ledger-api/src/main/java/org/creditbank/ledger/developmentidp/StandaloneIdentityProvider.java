package org.creditbank.ledger.developmentidp;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.creditbank.ledger.api.identity.IdentityProperties;
import org.creditbank.ledger.api.identity.provider.DevelopmentIdentityProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;

/**
 * The development identity provider as a server of its own: the issuer that several ledger nodes, or a ledger on
 * PostgreSQL, share in development and in the integration tests. Same settings as inside the ledger
 * ({@code ledger.data-dir}, {@code ledger.identity.development.*}, {@code server.port}); never for production. Outside
 * the server's packages, so the ledger server's component scan never picks it up.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
@EnableWebSecurity
@EnableConfigurationProperties(IdentityProperties.class)
@Import(DevelopmentIdentityProvider.class)
public class StandaloneIdentityProvider {

    /** Validates its own access tokens at its user-info endpoint. */
    @Bean
    JwtDecoder developmentTokenDecoder(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    public static void main(String[] args) {
        SpringApplication.run(StandaloneIdentityProvider.class, args);
    }
}
