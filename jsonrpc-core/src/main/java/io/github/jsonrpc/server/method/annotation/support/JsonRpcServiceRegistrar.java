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
package io.github.jsonrpc.server.method.annotation.support;

import java.util.List;

import io.github.jsonrpc.server.method.InvocableJsonRpcMethodFactory;
import io.github.jsonrpc.server.method.JsonRpcHandlerMethod;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistryCustomizer;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.Assert;

/**
 * Registers the methods of every {@link JsonRpcService} bean once all singletons exist,
 * then runs the registry customizers (built-in methods). A duplicate or reserved name, or
 * a parameter nothing can resolve, fails the application's startup. Methods can still be
 * added and removed afterwards, through
 * {@link io.github.jsonrpc.server.support.JsonRpcMethodRegistrar}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcServiceRegistrar implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(JsonRpcServiceRegistrar.class);

	private final ListableBeanFactory beanFactory;

	private final AnnotatedJsonRpcMethodDetector detector;

	private final InvocableJsonRpcMethodFactory methodFactory;

	private final JsonRpcMethodRegistry registry;

	private final List<JsonRpcMethodRegistryCustomizer> customizers;

	/**
	 * Create a new instance.
	 * @param beanFactory where to find the services
	 * @param detector the method detector
	 * @param methodFactory the invocable method factory
	 * @param registry the registry to fill
	 * @param customizers further registrations (built-in methods), run after the services
	 */
	public JsonRpcServiceRegistrar(ListableBeanFactory beanFactory, AnnotatedJsonRpcMethodDetector detector,
			InvocableJsonRpcMethodFactory methodFactory, JsonRpcMethodRegistry registry,
			List<JsonRpcMethodRegistryCustomizer> customizers) {
		Assert.notNull(beanFactory, "BeanFactory is required");
		Assert.notNull(detector, "Detector is required");
		Assert.notNull(methodFactory, "MethodFactory is required");
		Assert.notNull(registry, "Registry is required");
		this.beanFactory = beanFactory;
		this.detector = detector;
		this.methodFactory = methodFactory;
		this.registry = registry;
		this.customizers = List.copyOf(customizers);
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (String beanName : this.beanFactory.getBeanNamesForAnnotation(JsonRpcService.class)) {
			Object bean = this.beanFactory.getBean(beanName);
			for (JsonRpcHandlerMethod method : this.detector.detect(bean)) {
				this.registry.register(this.methodFactory.create(method));
			}
		}
		this.customizers.forEach((customizer) -> customizer.customize(this.registry));
		if (logger.isDebugEnabled()) {
			logger.debug("JSON-RPC methods: " + this.registry.methods());
		}
	}

}
