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

package io.github.jsonrpc.sample;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application starts with a clean log: no WARN line, nothing deprecated.
 *
 * @author JSON-RPC for Spring Boot team
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationStartupLogTests {

	@Test
	void startupLogHasNoWarnOrDeprecationLine(CapturedOutput output) {
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, "--server.port=0",
				"--server.address=127.0.0.1")) {
			assertThat(context.isRunning()).isTrue();
		}
		List<String> lines = output.getOut().lines().toList();
		assertThat(lines).anyMatch((line) -> line.contains("Tomcat started on port"));
		assertThat(lines).noneMatch((line) -> line.contains(" WARN "))
			.noneMatch((line) -> line.toLowerCase(Locale.ROOT).contains("deprecat"));
		assertThat(output.getErr()).doesNotContain("WARN");
	}

}
