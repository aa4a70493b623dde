package org.creditbank.ledger.api.identity;

import org.creditbank.ledger.api.SettableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token's signature is verified once; its lifetime is checked on every use. */
class VerifiedTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-12-07T09:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private final SettableClock clock = new SettableClock(ISSUED.plusSeconds(10));
    private final JwtTimestampValidator lifetime = new JwtTimestampValidator(Duration.ZERO);
    private final VerifiedTokens tokens = new VerifiedTokens(token -> {
        verifications.incrementAndGet();
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("alice").issuedAt(ISSUED)
                .expiresAt(ISSUED.plusSeconds(300)).build();
    }, lifetime);

    VerifiedTokensTest() {
        lifetime.setClock(clock);
    }

    @Test
    void the_same_token_is_verified_once_and_its_lifetime_checked_every_time() {
        assertThat(tokens.decode("t-1").getSubject()).isEqualTo("alice");
        assertThat(tokens.decode("t-1").getSubject()).isEqualTo("alice");
        assertThat(tokens.decode("t-2").getSubject()).isEqualTo("alice");
        assertThat(verifications).hasValue(2);

        clock.set(ISSUED.plusSeconds(301));
        assertThatThrownBy(() -> tokens.decode("t-1")).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).hasValue(2);
    }
}
