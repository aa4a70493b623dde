package org.creditbank.ledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.util.encoders.Hex;
import org.creditbank.ledger.readmodel.Sql;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on a POST: the first request with a key is carried out and its response kept; a repeat
 * with the same key and the same request gets the kept response (header {@code Idempotent-Replayed: true}) and
 * changes nothing. The same key with a different request is refused (422); a repeat while the first is still being
 * carried out is refused (409). Server errors (5xx) and conflicts (409, which may pass) are not kept, so the request
 * can be retried under the same key. A key whose first request never finished (the server stopped) is taken over
 * after {@link #LEASE}. Kept responses are deleted after the retention period ({@code ledger.idempotency-retention}).
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 10)
public class IdempotencyFilter extends OncePerRequestFilter {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";
    /** The response header marking a replayed response. */
    public static final String REPLAYED = "Idempotent-Replayed";

    /** How long a first request may run before a repeat takes its key over. */
    static final Duration LEASE = Duration.ofMinutes(1);
    private static final Pattern WELL_FORMED = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final int maxBody;

    public IdempotencyFilter(JdbcTemplate jdbc, ObjectMapper json, Clock clock, Limits limits) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        // BodySizeLimit, before this filter, bounds each path's body; here the largest any path may send.
        this.maxBody = Math.max(limits.maxBodyBytes(), limits.maxBulkBodyBytes());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!WELL_FORMED.matcher(key).matches()) {
            refuse(response, HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field",
                    HEADER + ": must be 1 to 255 visible ASCII characters", "must be 1 to 255 visible ASCII characters");
            return;
        }
        // BodySizeLimit, before this filter, has already refused a longer body; this bound only keeps that true.
        CachedBodyRequest cached = CachedBodyRequest.read(request, maxBody);
        if (cached == null) {
            throw new RequestBodyTooLarge(maxBody);
        }
        // Keys are the signed-in principal's own: another principal's same key is another record.
        String scope = sha256(request.getMethod() + " " + request.getRequestURI() + " " + signedIn());
        String hash = hash(cached);
        if (!claim(key, scope, hash)) {
            answerRepeat(key, scope, hash, response);
            return;
        }
        ContentCachingResponseWrapper recording = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(cached, recording);
            int status = recording.getStatus();
            if (status < 500 && status != HttpStatus.CONFLICT.value()) {
                jdbc.update("UPDATE idempotency_record SET status = ?, content_type = ?, location = ?, body = ?"
                                + " WHERE idempotency_key = ? AND scope = ?", recording.getStatus(),
                        recording.getContentType(), recording.getHeader(HttpHeaders.LOCATION),
                        recording.getContentAsByteArray(), key, scope);
                kept = true;
            }
        } finally {
            if (!kept) {
                jdbc.update("DELETE FROM idempotency_record WHERE idempotency_key = ? AND scope = ?", key, scope);
            }
            recording.copyBodyToResponse();
        }
    }

    /** Claims the key for this request; false when another request holds it (or held it and finished). */
    private boolean claim(String key, String scope, String hash) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                jdbc.update("INSERT INTO idempotency_record (idempotency_key, scope, request_hash, created_at)"
                        + " VALUES (?, ?, ?, ?)", key, scope, hash, Sql.at(clock.instant()));
                return true;
            } catch (DuplicateKeyException held) {
                int abandoned = jdbc.update("DELETE FROM idempotency_record WHERE idempotency_key = ? AND scope = ?"
                        + " AND status IS NULL AND created_at < ?", key, scope, Sql.at(clock.instant().minus(LEASE)));
                if (abandoned == 0) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Deletes kept responses older than the retention period. */
    public int forgetOlderThan(Duration retention) {
        return jdbc.update("DELETE FROM idempotency_record WHERE created_at < ?",
                Sql.at(clock.instant().minus(retention)));
    }

    private void answerRepeat(String key, String scope, String hash, HttpServletResponse response)
            throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT request_hash, status, content_type, location,"
                + " body FROM idempotency_record WHERE idempotency_key = ? AND scope = ?", key, scope);
        if (rows.isEmpty()) {
            refuse(response, HttpStatus.CONFLICT, "idempotency-key-in-flight", "Idempotency key in flight",
                    "a request with this " + HEADER + " was just being carried out; repeat it", null);
            return;
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("request_hash"))) {
            refuse(response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency key reused",
                    HEADER + " " + key + " was used for a different request; use a new key for a new request",
                    "was used for a different request");
            return;
        }
        if (row.get("status") == null) {
            refuse(response, HttpStatus.CONFLICT, "idempotency-key-in-flight", "Idempotency key in flight",
                    "the first request with this " + HEADER + " is still being carried out", null);
            return;
        }
        response.setStatus(((Number) row.get("status")).intValue());
        if (row.get("content_type") != null) {
            response.setContentType((String) row.get("content_type"));
        }
        if (row.get("location") != null) {
            response.setHeader(HttpHeaders.LOCATION, (String) row.get("location"));
        }
        response.setHeader(REPLAYED, "true");
        byte[] body = (byte[]) row.get("body");
        if (body != null) {
            response.getOutputStream().write(body);
        }
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String rule, String title, String detail,
                        String reason) throws IOException {
        Problems.write(response, Problems.problem(status, rule, title, detail, reason == null ? null : HEADER, reason),
                json);
    }

    /** The subject of the signed-in principal (this filter runs after authentication). */
    private static String signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "" : authentication.getName();
    }

    /** What makes two requests the same: method, path, query, principal, branch acted for, and body. */
    private static String hash(CachedBodyRequest request) {
        StringBuilder head = new StringBuilder();
        for (String part : new String[]{request.getMethod(), request.getRequestURI(),
                String.valueOf(request.getQueryString()), signedIn(),
                String.valueOf(request.getHeader(CommandMetadata.BRANCH_HEADER))}) {
            head.append(part).append('\n');
        }
        return sha256(head.toString().getBytes(StandardCharsets.UTF_8), request.body());
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[]... parts) {
        SHA256Digest digest = new SHA256Digest();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return Hex.toHexString(out);
    }
}
