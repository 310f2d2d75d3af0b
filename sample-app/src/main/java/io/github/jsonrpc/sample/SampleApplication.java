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

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Sample application serving JSON-RPC 2.0 over HTTP and WebSocket at {@code /jsonrpc},
 * with the API explorer at {@code /jsonrpc/explorer} (the root {@code /} points to it).
 *
 * @author JSON-RPC for Spring Boot team
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	@Bean
	WebMvcConfigurer home() {
		return new WebMvcConfigurer() {

			@Override
			public void addViewControllers(ViewControllerRegistry registry) {
				// nothing else lives at the root: send visitors to the explorer (a view
				// controller, so other paths never go through a router function)
				registry.addRedirectViewController("/", "/jsonrpc/explorer")
					.setStatusCode(HttpStatus.TEMPORARY_REDIRECT);
			}

		};
	}

}
