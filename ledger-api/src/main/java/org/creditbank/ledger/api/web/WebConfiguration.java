package org.creditbank.ledger.api.web;

import org.creditbank.ledger.api.identity.LearnerReads;
import org.creditbank.ledger.api.identity.Principals;
import org.creditbank.ledger.api.identity.ReadAccess;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Web wiring: the acting officer, from the signed-in principal, as a controller argument; learner reads guarded; the
 * abuse limits' settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Limits.class)
public class WebConfiguration implements WebMvcConfigurer {

    private final Principals principals;
    private final ReadAccess access;

    public WebConfiguration(Principals principals, ReadAccess access) {
        this.principals = principals;
        this.access = access;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LearnerReads(access)).addPathPatterns(LearnerReads.PATHS);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActingOfficerResolver(principals));
    }
}
