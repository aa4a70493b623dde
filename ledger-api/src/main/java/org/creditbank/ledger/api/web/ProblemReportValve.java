package org.creditbank.ledger.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

/**
 * Every error the servlet container answers itself — a path with an encoded slash or a bad escape, a malformed
 * header or body framing, an exception no handler took — as RFC 9457 problem+json with the correlation id, in place
 * of Tomcat's HTML page. It never repeats the container's own message (it names the server's insides). The
 * application's refusals are answered by {@link Problems}; this valve only sees what never reached them.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemReportValve.class);
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String correlationId = response.getHeader(CommandMetadata.CORRELATION_HEADER);
        if (correlationId == null) {
            correlationId = UUID.randomUUID().toString();
            response.setHeader(CommandMetadata.CORRELATION_HEADER, correlationId);
        }
        if (throwable != null || status >= 500) {
            LOG.error("Failure answered by the container (correlation id {}, status {})", correlationId, status,
                    throwable);
        }
        ProblemDetail problem = problem(status, rawPath(request), correlationId);
        try {
            byte[] body = JSON.writeValueAsBytes(problem);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (JsonProcessingException e) {
            LOG.error("Cannot write the problem for status {}", status, e);
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is already on its way: nothing more can be said.
        }
    }

    /** The problem for a status the container answered. */
    static ProblemDetail problem(int statusCode, String rawPath, String correlationId) {
        HttpStatus status = HttpStatus.resolve(statusCode);
        if (status == null || status.is5xxServerError()) {
            return Problems.internalError(correlationId);
        }
        ProblemDetail problem = clientError(status, rawPath);
        problem.setProperty("correlationId", correlationId);
        return problem;
    }

    private static ProblemDetail clientError(HttpStatus status, String rawPath) {
        if (status == HttpStatus.BAD_REQUEST && hasEncodedSeparator(rawPath)) {
            String reason = "must not hold an encoded slash (%2F) or backslash (%5C)";
            return Problems.problem(status, "malformed-request", "Malformed request", "the path " + reason, "path",
                    reason);
        }
        String detail = switch (status) {
            case BAD_REQUEST -> "the request cannot be read: its path, a header or the framing of its body is"
                    + " malformed; nothing was stored";
            case NOT_FOUND -> "there is nothing at this path";
            case METHOD_NOT_ALLOWED -> "this path does not take this method";
            case REQUEST_TIMEOUT -> "the request was not received in time; nothing was stored";
            case PAYLOAD_TOO_LARGE -> "the request body is too large; nothing was stored";
            case URI_TOO_LONG -> "the path and query are too long";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "the request headers are too large";
            default -> "the request cannot be answered: " + status.getReasonPhrase().toLowerCase(Locale.ROOT);
        };
        return Problems.problem(status, "http-" + status.value(), status.getReasonPhrase(), detail, null, null);
    }

    private static boolean hasEncodedSeparator(String rawPath) {
        String path = rawPath == null ? "" : rawPath.toUpperCase(Locale.ROOT);
        return path.contains("%2F") || path.contains("%5C");
    }

    private static String rawPath(Request request) {
        return request.getCoyoteRequest() == null ? null : request.getCoyoteRequest().requestURI().toString();
    }
}
