package org.creditbank.ledger.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id — the caller's {@code Correlation-Id} header when it is well-formed, else a
 * fresh one — puts it in the logging context and the response, and from there into every event the request causes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(CommandMetadata.CORRELATION_HEADER);
        String id = given != null && WELL_FORMED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(CommandMetadata.CORRELATION_ID, id);
        response.setHeader(CommandMetadata.CORRELATION_HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(CommandMetadata.CORRELATION_ID);
        }
    }

    /** The correlation id of the request being served on this thread. */
    public static String current() {
        String id = MDC.get(CommandMetadata.CORRELATION_ID);
        return id != null ? id : UUID.randomUUID().toString();
    }
}
