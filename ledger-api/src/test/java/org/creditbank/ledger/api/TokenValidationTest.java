package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only tokens of the configured issuer, for this ledger, within their lifetime and signed by a key of the issuer's
 * JWKS are accepted; anything else is 401 problem+json. The tokens here are made with the embedded identity
 * provider's own signing key (read from the data folder), so that exactly one thing is wrong with each.
 */
class TokenValidationTest {

    private static RunningLedger ledger;
    private static RSAKey providerKey;
    private static String issuer;

    @BeforeAll
    static void start() throws Exception {
        ledger = RunningLedger.embedded();
        issuer = ledger.identity().issuer().toString();
        ledger.http().get("/log/key");
        providerKey = RSAKey.parse(Files.readString(ledger.dataDir().resolve("identity").resolve("signing-key.jwk")));
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void a_token_made_right_is_accepted_which_proves_the_refusals_below_are_for_their_one_fault() throws Exception {
        assertThat(read(sign(providerKey, valid())).status()).isEqualTo(200);
        assertThat(read(ledger.identity().token(Identity.AUDITOR)).status()).isEqualTo(200);
    }

    @Test
    void expired_not_yet_valid_foreign_or_for_another_ledger_tokens_are_refused() throws Exception {
        Instant now = Instant.now();
        refused(sign(providerKey, claims(c -> c.expirationTime(Date.from(now.minusSeconds(600)))
                .issueTime(Date.from(now.minusSeconds(1200))))));
        refused(sign(providerKey, claims(c -> c.notBeforeTime(Date.from(now.plusSeconds(600))))));
        refused(sign(providerKey, claims(c -> c.issuer("http://localhost:1/another-issuer"))));
        refused(sign(providerKey, claims(c -> c.audience(List.of("another-ledger")))));
        refused(sign(providerKey, claims(c -> c.audience(List.<String>of()))));
    }

    @Test
    void a_token_signed_by_another_key_or_by_none_or_malformed_is_refused() throws Exception {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(providerKey.getKeyID()).generate();
        refused(sign(impostor, valid()));
        refused(new PlainJWT(valid()).serialize());
        String good = sign(providerKey, valid());
        refused(good.substring(0, good.lastIndexOf('.')) + ".AAAA");
        refused("not-a-token");
        refused(good.replace('.', '!'));
    }

    @Test
    void the_old_headers_alone_name_nobody() {
        Http.Reply reply = ledger.http().get("/api/branches", Http.AS, Http.ANONYMOUS, "Ledger-Officer", "erin",
                "Ledger-Branch", Scenario.CENTRE);
        assertUnauthenticated(reply);
        assertThat(reply.json().get("detail").asText()).contains("needs a bearer token");
    }

    private static Http.Reply read(String token) {
        return ledger.http().get("/api/admin/read-models", "Authorization", "Bearer " + token);
    }

    private static void refused(String token) {
        Http.Reply reply = read(token);
        assertUnauthenticated(reply);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    }

    private static void assertUnauthenticated(Http.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("type").asText()).isEqualTo("urn:ledger:problem:unauthenticated");
        assertThat(problem.get("correlationId").asText()).isEqualTo(reply.header("Correlation-Id"));
    }

    private static JWTClaimsSet valid() {
        return claims(c -> c);
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(Identity.AUDITOR)
                .audience(List.of("ledger")).issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(300))).claim("roles", List.of("auditor"));
        return change.apply(claims).build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
