package org.creditbank.ledger.api.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;

/**
 * Remembers the tokens whose signature was already verified, so that a client sending the same access token with
 * every request pays the signature check (an RSA or EC verification) once, not per request. Everything that can
 * change with time — lifetime, not-before — is validated again on every use, with the same validator as the first
 * decode; what is remembered is only that these exact bytes carry a valid signature of the issuer. A token is kept
 * at most {@link #KEPT}, so a key withdrawn from the issuer's key set stops being honoured within that time (or at
 * the token's own expiry, whichever is first).
 */
final class VerifiedTokens implements JwtDecoder {

    /** How long a verified token is remembered at most. */
    static final Duration KEPT = Duration.ofMinutes(5);

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(KEPT)
            .build();

    VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
        this.decoder = decoder;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Jwt decoded = decoder.decode(token);
            verified.put(token, decoded);
            return decoded;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException("the token is no longer valid", result.getErrors());
        }
        return known;
    }
}
