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
package io.github.jsonrpc;

import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Architecture rules of the core library: layering without module walls.
 *
 * @author jsonrpc-dev
 */
class ArchitectureTests {

	private static final String BASE_PACKAGE = "io.github.jsonrpc";

	private static final JavaClasses classes = importMainClasses();

	private static JavaClasses importMainClasses() {
		// only the core classes are analysed; resolving every referenced library class
		// takes seconds (set here rather than in archunit.properties, which would ship
		// in the test-jar)
		ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages(BASE_PACKAGE);
	}

	@Test
	void mainClassesAreImported() {
		assertThat(classes.contain("io.github.jsonrpc.protocol.JsonRpcMessageCodec")).isTrue();
		assertThat(classes.contain("io.github.jsonrpc.JsonRpcSetup")).isFalse();
	}

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching(BASE_PACKAGE + ".(**)").should().beFreeOfCycles().check(classes);
	}

	@Test
	void protocolDependsOnlyOnJdkJacksonJSpecifyAndSpringUtil() {
		classes().that()
			.resideInAPackage("..protocol..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage(BASE_PACKAGE + ".protocol..", "java..", "tools.jackson..", "org.jspecify..",
					"org.springframework.util..", "org.apache.commons.logging..")
			.check(classes);
	}

	@Test
	void onlyTransportPackagesUseServletOrSpringWeb() {
		noClasses().that()
			.resideOutsideOfPackages("..server.webmvc..", "..server.websocket..", "..server.webflux..",
					"..server.http..", "..client..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.servlet..", "org.springframework.web..")
			.check(classes);
	}

	@Test
	void sharedHttpPackageUsesOnlyServletFreeSpringWebHelpers() {
		// server.http holds what the web transports share (e.g. the handshake origin
		// rules, built on Spring Web's CorsConfiguration): no servlet, no web stack
		noClasses().that()
			.resideInAPackage("..server.http..")
			.should()
			.dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("jakarta.servlet..")
				.or(JavaClass.Predicates.resideInAPackage("org.springframework.web..")
					.and(DescribedPredicate.not(JavaClass.Predicates
						.resideInAnyPackage("org.springframework.web.cors..", "org.springframework.web.util..")))))
			.check(classes);
	}

	@Test
	void onlyWebFluxPackageUsesTheReactiveWebStack() {
		noClasses().that()
			.resideOutsideOfPackages("..server.webflux..", "..client..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web.reactive..", "org.springframework.http.server.reactive..")
			.check(classes);
	}

	@Test
	void clientUsesOnlyTheClientSideOfSpringWeb() {
		noClasses().that()
			.resideInAPackage("..client..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.servlet..", "org.springframework.web.servlet..",
					"org.springframework.web.socket.server..")
			.check(classes);
	}

	@Test
	void onlyWebSocketPackageUsesWebSocketTypes() {
		noClasses().that()
			.resideOutsideOfPackages("..server.websocket..", "..client..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.websocket..", "org.springframework.web.socket..")
			.check(classes);
	}

	@Test
	void clientDoesNotDependOnServer() {
		noClasses().that()
			.resideInAPackage("..client..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..server..")
			.allowEmptyShould(true)
			.check(classes);
	}

	@Test
	void serverContractsDoNotDependOnImplementations() {
		noClasses().that()
			.resideInAPackage(BASE_PACKAGE + ".server")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(BASE_PACKAGE + ".server.support..", BASE_PACKAGE + ".server.method..",
					BASE_PACKAGE + ".server.webmvc..", BASE_PACKAGE + ".server.validation..")
			.check(classes);
	}

	@Test
	void everyPackageHasNullMarkedPackageInfo() throws Exception {
		Set<String> packages = new TreeSet<>();
		for (JavaClass javaClass : classes) {
			packages.add(javaClass.getPackageName());
		}
		assertThat(packages).contains(BASE_PACKAGE + ".protocol", BASE_PACKAGE + ".server",
				BASE_PACKAGE + ".server.webmvc");
		for (String name : packages) {
			Class<?> packageInfo = Class.forName(name + ".package-info");
			assertThat(packageInfo.getPackage().isAnnotationPresent(NullMarked.class))
				.as("package-info of %s is @NullMarked", name)
				.isTrue();
		}
	}

}
