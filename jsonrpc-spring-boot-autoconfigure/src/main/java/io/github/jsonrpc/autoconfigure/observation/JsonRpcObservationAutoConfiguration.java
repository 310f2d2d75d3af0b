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

package io.github.jsonrpc.autoconfigure.observation;

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.observation.JsonRpcObservationConvention;
import io.github.jsonrpc.observation.ObservationJsonRpcInterceptor;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the observation of JSON-RPC calls: with Spring Boot's
 * observation support (e.g. the actuator), every call is timed as
 * {@code jsonrpc.server.calls} and traced when a tracer is present.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = JsonRpcAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ ObservationRegistry.class, ObservationJsonRpcInterceptor.class })
@ConditionalOnBean({ ObservationRegistry.class, JsonRpcMethodRegistry.class })
@ConditionalOnBooleanProperty(name = "jsonrpc.observation.enabled", matchIfMissing = true)
public final class JsonRpcObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ObservationJsonRpcInterceptor jsonRpcObservationInterceptor(ObservationRegistry observationRegistry,
			JsonRpcMethodRegistry methodRegistry, ObjectProvider<JsonRpcObservationConvention> convention) {
		return new ObservationJsonRpcInterceptor(observationRegistry, methodRegistry, convention.getIfAvailable());
	}

}
