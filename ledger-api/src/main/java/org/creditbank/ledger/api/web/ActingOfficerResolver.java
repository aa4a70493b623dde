package org.creditbank.ledger.api.web;

import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.BranchCode;
import org.creditbank.ledger.branch.OfficerId;
import org.creditbank.ledger.rule.InvalidField;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads who acts from the {@code Ledger-Officer} and {@code Ledger-Branch} headers. With neither, the act is an
 * installation step, which the rules refuse for anything but registering the provincial centre and appointing its
 * first officer. See docs/security.md for how these headers are to be authenticated in front of the ledger.
 */
public class ActingOfficerResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(ActingOfficer.class);
    }

    @Override
    public ActingOfficer resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                         NativeWebRequest request, WebDataBinderFactory binders) {
        String officer = request.getHeader(CommandMetadata.OFFICER_HEADER);
        String branch = request.getHeader(CommandMetadata.BRANCH_HEADER);
        if (officer == null && branch == null) {
            return ActingOfficer.installation();
        }
        if (officer == null) {
            throw new InvalidField(CommandMetadata.OFFICER_HEADER, "is required with " + CommandMetadata.BRANCH_HEADER);
        }
        if (branch == null) {
            throw new InvalidField(CommandMetadata.BRANCH_HEADER, "is required with " + CommandMetadata.OFFICER_HEADER);
        }
        return new ActingOfficer(OfficerId.of(CommandMetadata.OFFICER_HEADER, officer.strip()).value(),
                BranchCode.of(CommandMetadata.BRANCH_HEADER, branch.strip()).value());
    }
}
