package org.creditbank.ledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * At most {@link Limits#requestsPerMinute} requests a minute per principal: the signed-in subject, or for a request
 * without a token the client's address. A token bucket (Bucket4j) per principal holds a minute's requests and refills
 * continuously; a request beyond it is answered 429 with {@code Retry-After}. The buckets are this node's own, kept
 * in a bounded cache: a principal idle for longer than a minute has a full bucket again, so forgetting it is exact.
 * Runs in the API's security chain right after the bearer token is authenticated.
 */
public final class RateLimit extends OncePerRequestFilter {

    /** Principals remembered at once; the least recently seen go first. */
    private static final int PRINCIPALS = 100_000;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final int perMinute;
    private final ObjectMapper json;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(PRINCIPALS)
            .expireAfterAccess(MINUTE).build();

    public RateLimit(int perMinute, ObjectMapper json) {
        this.perMinute = perMinute;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String subject = subject();
        String key = subject != null ? "subject " + subject : "address " + request.getRemoteAddr();
        ConsumptionProbe probe = buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, MINUTE)).build())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        ProblemDetail problem = Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Rate limited",
                "more than " + perMinute + " requests a minute " + (subject != null ? "by this principal"
                        : "without a token from this address") + "; retry after " + seconds + " s",
                "Authorization", "has made more than " + perMinute + " requests in the last minute");
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problems.write(response, problem, json);
    }

    /** The signed-in subject, or null for a request without a token. */
    private static String subject() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken ? null : authentication.getName();
    }
}
