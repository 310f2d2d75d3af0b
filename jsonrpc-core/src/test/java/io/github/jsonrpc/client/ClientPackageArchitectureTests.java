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

package io.github.jsonrpc.client;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Layering of the client packages: they build on the protocol only.
 */
class ClientPackageArchitectureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.jsonrpc");

	@Test
	void clientDoesNotDependOnServer() {
		noClasses().that()
			.resideInAPackage("io.github.jsonrpc.client..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.jsonrpc.server..")
			.check(classes);
	}

	@Test
	void clientPackagesHaveNoCycles() {
		slices().matching("io.github.jsonrpc.client.(**)").should().beFreeOfCycles().check(classes);
	}

	@Test
	void clientChangesCaseWithoutTheDefaultLocale() {
		// under a Turkish default locale "I".toLowerCase() is a dotless "ı"
		noClasses().that()
			.resideInAPackage("io.github.jsonrpc.client..")
			.should()
			.callMethod(String.class, "toLowerCase")
			.orShould()
			.callMethod(String.class, "toUpperCase")
			.check(classes);
	}

	@Test
	void clientPackagesAreNullMarked() {
		classes().that()
			.resideInAPackage("io.github.jsonrpc.client..")
			.and()
			.haveSimpleName("package-info")
			.should()
			.beAnnotatedWith(NullMarked.class)
			.allowEmptyShould(false)
			.check(classes);
	}

}
