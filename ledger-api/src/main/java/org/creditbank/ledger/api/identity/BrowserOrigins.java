package org.creditbank.ledger.api.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditbank.ledger.api.web.CommandMetadata;
import org.creditbank.ledger.api.web.IdempotencyFilter;
import org.creditbank.ledger.api.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Which web pages may call the API from a browser (CORS): none unless {@code LEDGER_CORS_ORIGINS} names their
 * origins. A cross-origin request (or its preflight) from any other origin is refused 403 problem+json and carries
 * no {@code Access-Control-Allow-Origin}. Tokens travel in the {@code Authorization} header, never in cookies, so no
 * credentials are allowed.
 */
final class BrowserOrigins extends DefaultCorsProcessor {

    private static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.IF_NONE_MATCH, IdempotencyFilter.HEADER, CommandMetadata.BRANCH_HEADER,
            CommandMetadata.CORRELATION_HEADER);
    private static final List<String> RESPONSE_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG,
            HttpHeaders.RETRY_AFTER, CommandMetadata.CORRELATION_HEADER, IdempotencyFilter.REPLAYED);

    private final ObjectMapper json;

    private BrowserOrigins(ObjectMapper json) {
        this.json = json;
    }

    /** Spring's CORS filter for the API's security chain, refusing as problem+json. */
    static CorsFilter filter(List<String> origins, ObjectMapper json) {
        CorsConfiguration allowed = new CorsConfiguration();
        allowed.setAllowedOrigins(origins);
        allowed.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE"));
        allowed.setAllowedHeaders(REQUEST_HEADERS);
        allowed.setExposedHeaders(RESPONSE_HEADERS);
        allowed.setAllowCredentials(false);
        allowed.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", allowed);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new BrowserOrigins(json));
        return filter;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        ProblemDetail problem = Problems.problem(HttpStatus.FORBIDDEN, "origin-not-allowed", "Origin not allowed",
                "web pages of this origin may not call the ledger from a browser", HttpHeaders.ORIGIN,
                "is not one of the origins allowed by LEDGER_CORS_ORIGINS");
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody().write(json.writeValueAsBytes(problem));
        response.flush();
    }
}
