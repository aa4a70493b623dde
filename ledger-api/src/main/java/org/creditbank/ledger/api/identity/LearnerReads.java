package org.creditbank.ledger.api.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.creditbank.ledger.learner.LearnerNumber;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

/**
 * Every read of a learner's data — account, archive, achievements, transcripts, verified archive — passes the one
 * rule of {@link ReadAccess#learner}, whatever controller serves it.
 */
public class LearnerReads implements HandlerInterceptor {

    /** The paths this guards. */
    public static final String[] PATHS = {"/api/learners/{learnerNumber}", "/api/learners/{learnerNumber}/**"};

    private final ReadAccess access;

    public LearnerReads(ReadAccess access) {
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return true;
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("learnerNumber") instanceof String number) {
            access.learner(LearnerNumber.parse(number).value());
        }
        return true;
    }
}
