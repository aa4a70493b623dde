package org.creditbank.ledger.api.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;

/**
 * A request body longer than the limit ({@link Limits#maxBodyBytes}), found while it is read: an I/O failure to
 * whoever reads it, answered 413 by {@link BodySizeLimit} or, when a handler was reading, by {@link Problems}.
 */
public final class RequestBodyTooLarge extends IOException {

    private final int limit;

    public RequestBodyTooLarge(int limit) {
        super("the request body is longer than " + limit + " bytes", null);
        this.limit = limit;
    }

    /** The answer: 413 problem+json naming the body and the limit. */
    public ProblemDetail problem() {
        return problem(limit);
    }

    static ProblemDetail problem(int limit) {
        return Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large", "Request too large",
                "the request body may have at most " + limit + " bytes", "body",
                "is longer than the limit of " + limit + " bytes");
    }
}
