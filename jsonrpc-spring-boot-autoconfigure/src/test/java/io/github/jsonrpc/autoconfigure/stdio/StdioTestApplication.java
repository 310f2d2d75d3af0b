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
package io.github.jsonrpc.autoconfigure.stdio;

import io.github.jsonrpc.CalculatorService;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A Spring Boot application serving the test calculator, run as a child process by
 * {@link JsonRpcStdioProcessTests} (with {@code jsonrpc.stdio.enabled=true}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CalculatorService.class)
public class StdioTestApplication {

	@Bean
	Object strayPrint() {
		// must not end up in the protocol stream
		System.out.println("stray print from the application");
		return new Object();
	}

	public static void main(String[] args) {
		SpringApplication.run(StdioTestApplication.class, args);
	}

}
