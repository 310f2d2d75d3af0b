/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.jsonrpc.autoconfigure.security;

import java.time.Duration;
import java.util.Map;

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.pubsub.JsonRpcTopicAuthorizer;
import io.github.jsonrpc.security.AuthenticationMethodArgumentResolver;
import io.github.jsonrpc.security.AuthorizationManagerJsonRpcInterceptor;
import io.github.jsonrpc.security.JsonRpcAuthorizationManagers;
import io.github.jsonrpc.security.JsonRpcLoginMethod;
import io.github.jsonrpc.security.JsonRpcLoginThrottle;
import io.github.jsonrpc.security.JsonRpcMethodAuthorizationManager;
import io.github.jsonrpc.security.JsonRpcSecurityExpressionHandler;
import io.github.jsonrpc.security.MethodAccessJsonRpcInterceptor;
import io.github.jsonrpc.security.SecurityContextJsonRpcInterceptor;
import io.github.jsonrpc.security.SecurityJsonRpcExceptionResolver;
import io.github.jsonrpc.security.SecurityJsonRpcMethodAccessChecker;
import io.github.jsonrpc.security.SecurityJsonRpcTopicAuthorizer;
import io.github.jsonrpc.security.SecurityJsonRpcTopicAuthorizer.TopicSecurityExpressionHandler;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethodFactory;
import io.github.jsonrpc.server.method.JsonRpcMethodAccessChecker;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistryCustomizer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the Spring Security integration: denials answered with
 * {@code -32001}/{@code -32003}, the security context set around calls that do not come
 * through the HTTP filter chain, {@code Authentication} and
 * {@code @AuthenticationPrincipal} arguments, the {@code jsonrpc.security} rules, and
 * introspection limited to the methods the caller may call.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
// before WebSocket: its permit-all access checker and topic authorizer back off from ours
@AutoConfiguration(after = JsonRpcAutoConfiguration.class,
		beforeName = "io.github.jsonrpc.autoconfigure.websocket.JsonRpcWebSocketAutoConfiguration")
@ConditionalOnClass({ SecurityJsonRpcExceptionResolver.class,
		org.springframework.security.core.context.SecurityContextHolder.class })
@EnableConfigurationProperties(JsonRpcSecurityProperties.class)
public final class JsonRpcSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SecurityJsonRpcExceptionResolver jsonRpcSecurityExceptionResolver(
			ObjectProvider<AuthenticationTrustResolver> trustResolver) {
		return new SecurityJsonRpcExceptionResolver(trustResolver.getIfAvailable(AuthenticationTrustResolverImpl::new));
	}

	@Bean
	@ConditionalOnMissingBean
	AuthenticationMethodArgumentResolver jsonRpcAuthenticationArgumentResolver(BeanFactory beanFactory,
			ObjectProvider<AuthenticationTrustResolver> trustResolver) {
		AuthenticationMethodArgumentResolver resolver = new AuthenticationMethodArgumentResolver(beanFactory);
		trustResolver.ifAvailable(resolver::setTrustResolver);
		return resolver;
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityContextJsonRpcInterceptor jsonRpcSecurityContextInterceptor(
			ObjectProvider<SecurityContextHolderStrategy> strategy,
			ObjectProvider<AuthenticationTrustResolver> trustResolver) {
		SecurityContextJsonRpcInterceptor interceptor = new SecurityContextJsonRpcInterceptor();
		strategy.ifAvailable(interceptor::setSecurityContextHolderStrategy);
		trustResolver.ifAvailable(interceptor::setTrustResolver);
		return interceptor;
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcSecurityExpressionHandler jsonRpcSecurityExpressionHandler(ApplicationContext applicationContext,
			ObjectProvider<RoleHierarchy> roleHierarchy, ObjectProvider<PermissionEvaluator> permissionEvaluator) {
		JsonRpcSecurityExpressionHandler handler = new JsonRpcSecurityExpressionHandler();
		handler.setApplicationContext(applicationContext);
		roleHierarchy.ifAvailable(handler::setRoleHierarchy);
		permissionEvaluator.ifAvailable(handler::setPermissionEvaluator);
		return handler;
	}

	@Bean
	@ConditionalOnMissingBean
	AuthorizationManagerJsonRpcInterceptor jsonRpcAuthorizationInterceptor(JsonRpcSecurityProperties properties,
			JsonRpcSecurityExpressionHandler expressionHandler) {
		JsonRpcMethodAuthorizationManager.Builder builder = JsonRpcMethodAuthorizationManager.builder()
			.defaultManager(JsonRpcAuthorizationManagers.of(properties.getDefaultAccess(), expressionHandler));
		for (Map.Entry<String, String> rule : properties.getRules().entrySet()) {
			builder.rule(rule.getKey(), JsonRpcAuthorizationManagers.of(rule.getValue(), expressionHandler));
		}
		// logging in must stay possible whatever the default access
		builder.permit(JsonRpcLoginMethod.METHOD_NAME);
		builder.permit(JsonRpcLoginMethod.LOGOUT_METHOD_NAME);
		return new AuthorizationManagerJsonRpcInterceptor(builder.build());
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcMethodAccessChecker jsonRpcMethodAccessChecker(AuthorizationManagerJsonRpcInterceptor authorization,
			ObjectProvider<MethodSecurityExpressionHandler> methodExpressionHandler,
			ApplicationContext applicationContext) {
		MethodSecurityExpressionHandler expressionHandler = methodExpressionHandler.getIfAvailable(() -> {
			DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
			handler.setApplicationContext(applicationContext);
			return handler;
		});
		return new SecurityJsonRpcMethodAccessChecker(authorization.getAuthorizationManager(), expressionHandler,
				applicationContext);
	}

	@Bean
	@ConditionalOnMissingBean
	MethodAccessJsonRpcInterceptor jsonRpcMethodAccessInterceptor(JsonRpcMethodRegistry registry,
			JsonRpcMethodAccessChecker accessChecker, AuthorizationManagerJsonRpcInterceptor authorization,
			JsonRpcSecurityProperties properties) {
		// decided before params are bound, the same way for registered and unknown names
		return new MethodAccessJsonRpcInterceptor(registry, accessChecker, authorization.getAuthorizationManager(),
				properties.getDeniedMethods());
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcTopicAuthorizer jsonRpcTopicAuthorizer(JsonRpcSecurityProperties properties,
			ApplicationContext applicationContext, ObjectProvider<RoleHierarchy> roleHierarchy,
			ObjectProvider<PermissionEvaluator> permissionEvaluator) {
		TopicSecurityExpressionHandler expressionHandler = new TopicSecurityExpressionHandler();
		expressionHandler.setApplicationContext(applicationContext);
		roleHierarchy.ifAvailable(expressionHandler::setRoleHierarchy);
		permissionEvaluator.ifAvailable(expressionHandler::setPermissionEvaluator);
		SecurityJsonRpcTopicAuthorizer authorizer = new SecurityJsonRpcTopicAuthorizer();
		for (Map.Entry<String, String> rule : properties.getTopics().entrySet()) {
			authorizer.rule(rule.getKey(), JsonRpcAuthorizationManagers.of(rule.getValue(), expressionHandler));
		}
		return authorizer;
	}

	/**
	 * The reactive authentication of a WebFlux application, for {@code rpc.login}: it
	 * runs as a blocking method, never on the event loop, so it may wait for the answer.
	 */
	private static final class ReactiveLogin {

		private static final Duration TIMEOUT = Duration.ofSeconds(30);

		static @Nullable AuthenticationManager authenticationManager(BeanFactory beanFactory,
				ObjectProvider<PasswordEncoder> passwordEncoder) {
			ReactiveAuthenticationManager manager = beanFactory.getBeanProvider(ReactiveAuthenticationManager.class)
				.getIfAvailable(() -> {
					ReactiveUserDetailsService users = beanFactory.getBeanProvider(ReactiveUserDetailsService.class)
						.getIfAvailable();
					if (users == null) {
						return null;
					}
					UserDetailsRepositoryReactiveAuthenticationManager byUsers = new UserDetailsRepositoryReactiveAuthenticationManager(
							users);
					passwordEncoder.ifAvailable(byUsers::setPasswordEncoder);
					return byUsers;
				});
			if (manager == null) {
				return null;
			}
			return (authentication) -> {
				Authentication result = manager.authenticate(authentication).block(TIMEOUT);
				if (result == null) {
					throw new BadCredentialsException("Not authenticated");
				}
				return result;
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("jsonrpc.security.login.enabled")
	static class LoginConfiguration {

		private static final boolean reactorPresent = ClassUtils.isPresent("reactor.core.publisher.Mono",
				LoginConfiguration.class.getClassLoader());

		@Bean
		@ConditionalOnMissingBean
		JsonRpcLoginMethod jsonRpcLoginMethod(ObjectProvider<AuthenticationManager> authenticationManager,
				ObjectProvider<UserDetailsService> userDetailsService, ObjectProvider<PasswordEncoder> passwordEncoder,
				JsonRpcSecurityProperties properties, BeanFactory beanFactory) {
			JsonRpcSecurityProperties.Login login = properties.getLogin();
			JsonRpcLoginThrottle throttle = new JsonRpcLoginThrottle(login.getMaxFailuresPerConnection(),
					login.getMaxFailuresPerAddress(), login.getFailureWindow());
			// looked up at the first login: the application's manager, else one over its
			// users, else (WebFlux) its reactive manager or users
			return new JsonRpcLoginMethod(() -> authenticationManager.getIfAvailable(() -> {
				UserDetailsService users = userDetailsService.getIfAvailable();
				if (users == null) {
					AuthenticationManager reactive = reactorPresent
							? ReactiveLogin.authenticationManager(beanFactory, passwordEncoder) : null;
					Assert.state(reactive != null, "rpc.login needs an AuthenticationManager, a UserDetailsService, "
							+ "a ReactiveAuthenticationManager or a ReactiveUserDetailsService bean");
					return reactive;
				}
				DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
				passwordEncoder.ifAvailable(provider::setPasswordEncoder);
				return new ProviderManager(provider);
			}), throttle);
		}

		@Bean
		JsonRpcMethodRegistryCustomizer jsonRpcLoginRegistration(JsonRpcLoginMethod login,
				InvocableJsonRpcMethodFactory methodFactory) {
			return (registry) -> login.register(registry, methodFactory);
		}

	}

}
