package org.creditbank.ledger.api.identity;

import org.creditbank.ledger.learner.IdentityRegister;
import org.creditbank.ledger.projection.register.JdbcBranchDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves the signed-in principal of the current request once: the token's subject and roles, and the officer and
 * learner bindings the ledger's events made for that subject (read from the registers the rules read).
 */
@Component
public class Principals {

    /** Reads everything, the audit and replay endpoints included; changes nothing. */
    public static final String AUDITOR = "auditor";
    /** Runs the ledger: read-model rebuilds, metrics, the installation of an empty ledger. */
    public static final String OPERATOR = "operator";
    /** The roles a token may grant ledger-wide; everything branch-bound is granted by appointments. */
    public static final Set<String> GLOBAL_ROLES = Set.of(AUDITOR, OPERATOR);
    /** Scope a system client needs to act. */
    public static final String SCOPE_WRITE = "ledger.write";
    /** Scope a system client needs to read. */
    public static final String SCOPE_READ = "ledger.read";

    private static final String ATTRIBUTE = LedgerPrincipal.class.getName();

    private final JdbcBranchDirectory directory;
    private final IdentityRegister identities;

    public Principals(JdbcBranchDirectory directory, IdentityRegister identities) {
        this.directory = directory;
        this.identities = identities;
    }

    /** The principal of the request being served; the security chain has already refused one without a token. */
    public LedgerPrincipal current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
                instanceof LedgerPrincipal known) {
            return known;
        }
        LedgerPrincipal principal = resolve(SecurityContextHolder.getContext().getAuthentication());
        if (request != null) {
            request.setAttribute(ATTRIBUTE, principal, RequestAttributes.SCOPE_REQUEST);
        }
        return principal;
    }

    private LedgerPrincipal resolve(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new NotSignedIn();
        }
        String subject = token.getToken().getSubject();
        Set<String> authorities = token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        Set<String> roles = authorities.stream().filter(a -> a.startsWith(ResourceServer.ROLE_PREFIX))
                .map(a -> a.substring(ResourceServer.ROLE_PREFIX.length())).collect(Collectors.toSet());
        Set<String> scopes = authorities.stream().filter(a -> a.startsWith("SCOPE_"))
                .map(a -> a.substring("SCOPE_".length())).collect(Collectors.toSet());
        if (subject == null) {
            return new LedgerPrincipal("", roles, scopes, null, List.of(), null);
        }
        String officerId = directory.officerBoundTo(subject).orElse(null);
        List<JdbcBranchDirectory.Appointment> appointments = officerId == null ? List.of()
                : directory.appointmentsOf(officerId);
        String learner = identities.accountSignedInBy(subject).orElse(null);
        return new LedgerPrincipal(subject, roles, scopes, officerId, appointments, learner);
    }
}
