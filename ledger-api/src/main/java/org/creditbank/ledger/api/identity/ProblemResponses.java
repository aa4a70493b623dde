package org.creditbank.ledger.api.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.creditbank.ledger.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * 401 and 403 answered as every other refusal: RFC 9457 problem+json with the correlation id, beside the
 * {@code WWW-Authenticate} header RFC 6750 asks for. The detail says what is missing, never why a token failed in
 * a way that helps forge one.
 */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;
    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        bearer.commence(request, response, exception);
        boolean tokenGiven = request.getHeader("Authorization") != null;
        write(response, Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                tokenGiven ? "the bearer token is not valid here: it is malformed, expired or not yet valid, or not"
                        + " issued by this ledger's identity provider for this ledger"
                        : "this request needs a bearer token from the ledger's identity provider (OAuth 2.0)",
                "Authorization", tokenGiven ? "is not a valid bearer token" : "is required"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException exception) throws IOException {
        denied.handle(request, response, exception);
        write(response, Problems.problem(HttpStatus.FORBIDDEN, "not-permitted", "Not permitted",
                "the signed-in principal may not do this", "Authorization", "does not grant this"));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Problems.write(response, problem, json);
    }
}
