package org.creditbank.ledger.api.identity;

import org.creditbank.ledger.api.identity.provider.DevelopmentIdentityProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The embedded default with no issuer configured runs the development identity provider itself. */
@Configuration(proxyBeanMethods = false)
@Conditional(IdentityMode.DevelopmentProvider.class)
@Import(DevelopmentIdentityProvider.class)
public class DevelopmentProviderImport {
}
