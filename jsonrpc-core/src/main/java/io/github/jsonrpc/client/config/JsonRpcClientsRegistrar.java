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

package io.github.jsonrpc.client.config;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.jsonrpc.client.annotation.JsonRpcRemote;
import io.github.jsonrpc.client.proxy.JsonRpcClientProxyFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Registers a proxy bean for each client interface of {@link EnableJsonRpcClients}, in
 * the spirit of Spring's {@code @ImportHttpServices}: the bean is created from the
 * {@link JsonRpcClientRegistry} when first needed.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcClientsRegistrar
		implements ImportBeanDefinitionRegistrar, BeanFactoryAware, EnvironmentAware, ResourceLoaderAware {

	private @Nullable BeanFactory beanFactory;

	private @Nullable Environment environment;

	private @Nullable ResourceLoader resourceLoader;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setResourceLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		Map<String, @Nullable Object> attributes = metadata
			.getAnnotationAttributes(EnableJsonRpcClients.class.getName());
		Assert.state(attributes != null, "No @EnableJsonRpcClients on " + metadata.getClassName());
		Set<Class<?>> types = new LinkedHashSet<>();
		for (Class<?> type : (Class<?>[]) attributes.get("clients")) {
			types.add(type);
		}
		Set<String> packages = new LinkedHashSet<>();
		for (String basePackage : (String[]) attributes.get("basePackages")) {
			packages.add(basePackage);
		}
		if (types.isEmpty() && packages.isEmpty()) {
			packages.add(ClassUtils.getPackageName(metadata.getClassName()));
		}
		ClassLoader classLoader = (this.resourceLoader != null) ? this.resourceLoader.getClassLoader() : null;
		for (String basePackage : packages) {
			for (BeanDefinition candidate : scanner().findCandidateComponents(basePackage)) {
				types.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), classLoader));
			}
		}
		for (Class<?> type : types) {
			register(type, registry);
		}
	}

	private ClassPathScanningCandidateComponentProvider scanner() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false,
				(this.environment != null) ? this.environment
						: new org.springframework.core.env.StandardEnvironment()) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition beanDefinition) {
				// client interfaces are what we look for, unlike component scanning
				return beanDefinition.getMetadata().isInterface() && beanDefinition.getMetadata().isIndependent();
			}

		};
		if (this.resourceLoader != null) {
			scanner.setResourceLoader(this.resourceLoader);
		}
		scanner.addIncludeFilter(new AnnotationTypeFilter(JsonRpcRemote.class, false, true));
		return scanner;
	}

	private <S> void register(Class<S> type, BeanDefinitionRegistry registry) {
		Assert.isTrue(type.isInterface(),
				() -> type.getName() + " listed in @EnableJsonRpcClients is not an interface");
		if (registry.containsBeanDefinition(type.getName())) {
			return;
		}
		JsonRpcRemote remote = type.getAnnotation(JsonRpcRemote.class);
		String name = (remote != null) ? remote.name() : "default";
		BeanFactory factory = this.beanFactory;
		Assert.state(factory != null, "BeanFactory is required");
		RootBeanDefinition definition = new RootBeanDefinition(type);
		definition.setInstanceSupplier(
				() -> JsonRpcClientProxyFactory.create(factory.getBean(JsonRpcClientRegistry.class).client(name))
					.createClient(type));
		registry.registerBeanDefinition(type.getName(), definition);
	}

}
