package org.creditbank.ledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Every request body is at most {@link Limits#maxBodyBytes} long: a longer {@code Content-Length} is answered 413
 * before anything is read, and a body sent without one (chunked) fails as soon as it grows past the limit, before the
 * idempotency filter or a handler holds more than that. Runs after authentication, before {@link IdempotencyFilter}.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 1)
public class BodySizeLimit extends OncePerRequestFilter {

    private final int limit;
    private final int bulkLimit;
    private final ObjectMapper json;

    public BodySizeLimit(Limits limits, ObjectMapper json) {
        this.limit = limits.maxBodyBytes();
        this.bulkLimit = limits.maxBulkBodyBytes();
        this.json = json;
    }

    /** Batches of rows (an import's, a roster's) may be larger than any other body. */
    private static final java.util.regex.Pattern BULK = java.util.regex.Pattern.compile(
            "/api/imports/[a-z]+|/api/branches/[^/]+/rosters");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int limit = BULK.matcher(request.getRequestURI()).matches() ? bulkLimit : this.limit;
        if (request.getContentLengthLong() > limit) {
            refuse(response, limit);
            return;
        }
        try {
            chain.doFilter(new Bounded(request, limit), response);
        } catch (RequestBodyTooLarge tooLarge) {
            if (response.isCommitted()) {
                throw tooLarge;
            }
            response.reset();
            refuse(response, limit);
        }
    }

    private void refuse(HttpServletResponse response, int limit) throws IOException {
        response.setHeader(CommandMetadata.CORRELATION_HEADER, CorrelationIdFilter.current());
        Problems.write(response, RequestBodyTooLarge.problem(limit), json);
    }

    /** The request with a body that fails once more than {@code limit} bytes were read. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final int limit;
        private ServletInputStream in;

        Bounded(HttpServletRequest request, int limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                in = new Counting(super.getInputStream(), limit);
            }
            return in;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8
                    : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final int limit;
        private long read;

        Counting(ServletInputStream in, int limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            return n < 0 ? n : counted(n);
        }

        private int counted(int n) throws RequestBodyTooLarge {
            read += n;
            if (read > limit) {
                throw new RequestBodyTooLarge(limit);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
