package org.creditbank.ledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.creditbank.ledger.learner.AccountRefusals.AccountWasMerged;
import org.creditbank.ledger.branch.UnknownBranch;
import org.creditbank.ledger.learner.AccountRefusals.UnknownAccount;
import org.creditbank.ledger.rule.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Every refusal answered as RFC 9457 problem+json, naming the field and the reason; never a stack trace. The type
 * is {@code urn:ledger:problem:<rule>}, one per rule, listed in docs/api.md.
 */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final String TYPE_PREFIX = "urn:ledger:problem:";
    /** How long a client is asked to wait before repeating a request that found no database. */
    static final int RETRY_AFTER_SECONDS = 5;
    private static final java.util.regex.Pattern LEARNER_NUMBER = java.util.regex.Pattern.compile("[0-9]{17}[0-9X]");

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleAny(Exception exception, WebRequest request) {
        RuleViolation violation = find(exception, RuleViolation.class);
        if (violation != null) {
            return answer(refusal(violation));
        }
        AggregateNotFoundException notFound = find(exception, AggregateNotFoundException.class);
        if (notFound != null) {
            return answer(notFound(String.valueOf(notFound.getAggregateIdentifier())));
        }
        if (find(exception, DuplicateKeyException.class) != null
                || find(exception, ConcurrencyException.class) != null
                || find(exception, AggregateStreamCreationException.class) != null
                || find(exception, LockAcquisitionFailedException.class) != null) {
            return answer(problem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                    "another request changed the same thing at the same moment; nothing was stored — repeat the"
                            + " request", null, null));
        }
        if (databaseUnreachable(exception)) {
            LOG.warn("No database connection serving {}: {}", request.getDescription(false), exception.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                            "the ledger cannot reach its database; nothing was stored by this request — repeat it"
                                    + " after " + RETRY_AFTER_SECONDS + " seconds", null, null));
        }
        LOG.error("Unexpected failure serving {}", request.getDescription(false), exception);
        return answer(internalError(CorrelationIdFilter.current()));
    }

    /**
     * No connection could be had within the pool's connection timeout, or the one in use was lost (SQLState class
     * 08, "connection exception"; or HikariCP's proxy of a connection it has closed after losing it, which says
     * "Connection is closed" with no SQLState): the transaction did not commit, so the request may simply be repeated.
     */
    private static boolean databaseUnreachable(Throwable thrown) {
        return causes(thrown).anyMatch(t -> t instanceof DataAccessResourceFailureException
                || t instanceof SQLTransientConnectionException
                || t instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                        || sql.getSQLState() == null && CLOSED_BY_POOL.equals(sql.getMessage())));
    }

    /** What HikariCP's proxy of a connection it has closed answers every call with. */
    private static final String CLOSED_BY_POOL = "Connection is closed";

    /** A failure of the ledger itself: never a stack trace, only the correlation id to quote. */
    static ProblemDetail internalError(String correlationId) {
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the ledger failed to answer; nothing was stored by this request. Quote correlation id "
                        + correlationId + " when reporting it", null, null);
        problem.setProperty("correlationId", correlationId);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (exception.getMostSpecificCause() instanceof RequestBodyTooLarge tooLarge) {
            return answer(tooLarge.problem());
        }
        RuleViolation violation = find(exception, RuleViolation.class);
        if (violation != null) {
            return answer(refusal(violation));
        }
        UnreadableBody unreadable = UnreadableBody.of(exception.getCause());
        return answer(problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                unreadable.subject() + " " + unreadable.reason(), unreadable.field(), unreadable.reason()));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> handled = super.handleExceptionInternal(exception, body, headers, status, request);
        if (handled != null && handled.getBody() instanceof ProblemDetail detail) {
            if (detail.getType() == null || "about:blank".equals(detail.getType().toString())) {
                detail.setType(URI.create(TYPE_PREFIX + "http-" + status.value()));
            }
            detail.setProperty("correlationId", CorrelationIdFilter.current());
        }
        return handled;
    }

    private static ProblemDetail refusal(RuleViolation violation) {
        HttpStatus status = switch (violation.refusal()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case UNIDENTIFIED_ACTOR -> HttpStatus.UNAUTHORIZED;
            case NOT_PERMITTED -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = problem(status, violation.rule(), title(violation), violation.getMessage(),
                violation.field(), violation.reason());
        if (violation instanceof AccountWasMerged merged) {
            problem.setProperty("survivor", merged.survivor());
        }
        return problem;
    }

    private static ProblemDetail notFound(String identifier) {
        return refusal(unknownAggregate(identifier));
    }

    /**
     * An aggregate the store has no stream for, as the rule's refusal: an account when the identifier has a learner
     * number's form, a branch otherwise.
     */
    public static RuleViolation unknownAggregate(String identifier) {
        return identifier != null && LEARNER_NUMBER.matcher(identifier).matches()
                ? new UnknownAccount("learnerNumber", identifier) : new UnknownBranch("branchCode", identifier);
    }

    public static ProblemDetail problem(HttpStatus status, String rule, String title, String detail, String field,
                                 String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + rule));
        problem.setTitle(title);
        if (field != null) {
            problem.setProperty("field", field);
            problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
        }
        problem.setProperty("correlationId", CorrelationIdFilter.current());
        return problem;
    }

    /** Writes a problem as the answer of a filter, where no controller advice reaches. */
    public static void write(HttpServletResponse response, ProblemDetail problem, ObjectMapper json)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String title(RuleViolation violation) {
        String words = violation.getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        return causes(thrown).filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    private static Stream<Throwable> causes(Throwable thrown) {
        return Stream.iterate(thrown, Objects::nonNull, t -> t.getCause() == t ? null : t.getCause());
    }
}
