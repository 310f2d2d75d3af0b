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
package io.github.jsonrpc.server.method;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link JsonRpcParamsCoercion}.
 */
class JsonRpcParamsCoercionTests {

	@Test
	void strictParamsMapperLeavesTheApplicationMapperAlone() {
		JsonMapper application = JsonMapper.builder().build();
		assertThat(application.readValue("\"5\"", int.class)).isEqualTo(5);
		JsonMapper strict = JsonRpcParamsCoercion.STRICT.paramsMapper(application);
		assertThatException().isThrownBy(() -> strict.readValue("\"5\"", int.class));
		assertThatException().isThrownBy(() -> strict.readValue("5", String.class));
		// the application's mapper still coerces as it did
		assertThat(application.readValue("\"5\"", int.class)).isEqualTo(5);
		assertThat(application.readValue("5", String.class)).isEqualTo("5");
		assertThat(JsonMapper.builder().build().readValue("5", String.class)).isEqualTo("5");
	}

}
