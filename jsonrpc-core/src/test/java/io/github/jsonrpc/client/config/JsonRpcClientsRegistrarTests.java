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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.jsonrpc.client.JsonRpcClient;
import io.github.jsonrpc.client.RecordingTransport;
import io.github.jsonrpc.client.annotation.JsonRpcRemote;
import io.github.jsonrpc.client.config.scan.NotRemote;
import io.github.jsonrpc.client.config.scan.RemoteClass;
import io.github.jsonrpc.client.config.scan.ScanConfiguration;
import io.github.jsonrpc.client.config.scan.ScannedCalculator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EnableJsonRpcClients}: which interfaces become beans, and which client
 * of the {@link JsonRpcClientRegistry} each one calls through.
 */
class JsonRpcClientsRegistrarTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(RegistryConfiguration.class);

	@Test
	void listedInterfaceCallsThroughTheClientItNames() {
		this.contextRunner.withUserConfiguration(ListedConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Calculator.class);
			assertThat(context.getBeanNamesForType(Calculator.class)).containsExactly(Calculator.class.getName());
			assertThat(context.getBean(Calculator.class).add(1, 2)).isEqualTo(3);
			assertThat(context.getBean(RegistryConfiguration.class).names).containsExactly("calc");
			assertThat(context.getBean(RegistryConfiguration.class).transport.lastSent().toString())
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2],\"id\":1}");
		});
	}

	@Test
	void listedInterfaceWithoutJsonRpcRemoteCallsTheDefaultClient() {
		this.contextRunner.withUserConfiguration(PlainConfiguration.class).run((context) -> {
			assertThat(context.getBean(Plain.class).add(1, 2)).isEqualTo(3);
			// listed clients only: nothing is scanned
			assertThat(context).doesNotHaveBean(Calculator.class).doesNotHaveBean(ScannedCalculator.class);
			assertThat(context.getBean(RegistryConfiguration.class).names).containsExactly("default");
		});
	}

	@Test
	void basePackagesAreScannedForRemoteInterfacesOnly() {
		this.contextRunner.withUserConfiguration(ScanningConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ScannedCalculator.class)
				.doesNotHaveBean(NotRemote.class)
				.doesNotHaveBean(RemoteClass.class)
				.doesNotHaveBean(Calculator.class);
			assertThat(context.getBean(ScannedCalculator.class).add(1, 2)).isEqualTo(3);
			assertThat(context.getBean(RegistryConfiguration.class).names).containsExactly("scanned");
		});
	}

	@Test
	void withoutAttributesThePackageOfTheAnnotatedClassIsScanned() {
		this.contextRunner.withUserConfiguration(ScanConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ScannedCalculator.class).doesNotHaveBean(Calculator.class);
		});
	}

	@Test
	void listedAndScannedInterfacesAreBothRegistered() {
		this.contextRunner.withUserConfiguration(ListedAndScanningConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ScannedCalculator.class).hasSingleBean(Calculator.class);
		});
	}

	@Test
	void beanAlreadyDefinedUnderTheInterfacesNameIsKept() {
		Calculator own = (a, b) -> -1;
		this.contextRunner.withBean(Calculator.class.getName(), Calculator.class, () -> own)
			.withUserConfiguration(ListedConfiguration.class)
			.run((context) -> {
				assertThat(context.getBean(Calculator.class)).isSameAs(own);
				assertThat(context.getBean(RegistryConfiguration.class).names).isEmpty();
			});
	}

	@Test
	void listedClassIsRefused() {
		this.contextRunner.withUserConfiguration(ClassListedConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(IllegalArgumentException.class)
				.hasMessage(RemoteClass.class.getName() + " listed in @EnableJsonRpcClients is not an interface");
		});
	}

	@JsonRpcRemote(name = "calc")
	interface Calculator {

		int add(int a, int b);

	}

	interface Plain {

		int add(int a, int b);

	}

	@Configuration(proxyBeanMethods = false)
	static class RegistryConfiguration {

		final List<String> names = new CopyOnWriteArrayList<>();

		final RecordingTransport transport = RecordingTransport.result("3");

		@Bean
		JsonRpcClientRegistry jsonRpcClientRegistry() {
			return (name) -> {
				this.names.add(name);
				return JsonRpcClient.create(this.transport);
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableJsonRpcClients(clients = Calculator.class)
	static class ListedConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableJsonRpcClients(clients = Plain.class)
	static class PlainConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableJsonRpcClients(basePackages = "io.github.jsonrpc.client.config.scan")
	static class ScanningConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableJsonRpcClients(clients = Calculator.class, basePackages = "io.github.jsonrpc.client.config.scan")
	static class ListedAndScanningConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableJsonRpcClients(clients = RemoteClass.class)
	static class ClassListedConfiguration {

	}

}
