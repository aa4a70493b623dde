package org.creditbank.ledger.api.readmodel;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.creditbank.ledger.readmodel.ReadModelSlots;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Gives every request one view of which slots are live: asked of the database once, when the request first reads a
 * read model, so a request on any node reads what was live then, in every read model it reads (see
 * {@link ReadModelSlots}). A command the request sends makes the view ask again afterwards. Before the security
 * chain: signing a request in reads the registers (an officer's appointments), through the same view.
 */
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
public class ReadModelViewFilter extends OncePerRequestFilter {

    private final ReadModelSlots slots;

    public ReadModelViewFilter(ReadModelSlots slots) {
        this.slots = slots;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (ReadModelSlots.View view = slots.openView()) {
            chain.doFilter(request, response);
        }
    }
}
