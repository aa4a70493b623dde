package org.creditbank.ledger.api.web;

import org.creditbank.ledger.api.identity.LedgerPrincipal;
import org.creditbank.ledger.api.identity.NotPermitted;
import org.creditbank.ledger.api.identity.Principals;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.BranchCode;
import org.creditbank.ledger.projection.register.JdbcBranchDirectory.Appointment;
import org.creditbank.ledger.rule.InvalidField;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.List;

/**
 * Who acts, from the signed-in principal: the officer their subject is bound to, for the branch named by the
 * {@code Ledger-Branch} header (needed only by an officer appointed to several branches). An operator who is no
 * officer performs only the installation of an empty ledger. Whether the officer may do the act, there, in that role,
 * the domain decides.
 */
public class ActingOfficerResolver implements HandlerMethodArgumentResolver {

    private final Principals principals;

    public ActingOfficerResolver(Principals principals) {
        this.principals = principals;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(ActingOfficer.class);
    }

    @Override
    public ActingOfficer resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                         NativeWebRequest request, WebDataBinderFactory binders) {
        return actor(principals.current(), request.getHeader(CommandMetadata.BRANCH_HEADER));
    }

    /** The acting officer of this principal, for the branch named (or the only one they serve). */
    public static ActingOfficer actor(LedgerPrincipal principal, String namedBranch) {
        if (principal.isOfficer()) {
            List<Appointment> appointments = principal.appointments();
            String branch;
            if (namedBranch != null) {
                branch = BranchCode.of(CommandMetadata.BRANCH_HEADER, namedBranch.strip()).value();
            } else if (appointments.size() == 1) {
                branch = appointments.get(0).branchCode();
            } else {
                throw new InvalidField(CommandMetadata.BRANCH_HEADER, "is required: officer "
                        + principal.officerId() + " is appointed to " + String.join(", ",
                        appointments.stream().map(Appointment::branchCode).toList()) + "; name the branch acted for");
            }
            principal.appointmentAt(branch).filter(a -> !principal.mayUse(a, Principals.SCOPE_WRITE)).ifPresent(a -> {
                throw new NotPermitted("Authorization", "system client " + principal.officerId()
                        + " acts only with a token granting scope " + Principals.SCOPE_WRITE);
            });
            return new ActingOfficer(principal.officerId(), branch);
        }
        if (principal.isOperator()) {
            return ActingOfficer.installation();
        }
        throw new NotPermitted("Authorization", "acts are performed by appointed officers: subject "
                + principal.subject() + " is bound to no officer appointment");
    }
}
