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

package io.github.jsonrpc.autoconfigure.servlet;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PathScopedRouterFunctionMapping}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class PathScopedRouterFunctionMappingTests {

	private final HandlerFunction<ServerResponse> page = (request) -> ServerResponse.ok().build();

	private final PathScopedRouterFunctionMapping mapping = new PathScopedRouterFunctionMapping("/docs",
			RouterFunctions.route()
				.GET("/docs", this.page)
				.GET("/docs/page", this.page)
				.route(RequestPredicates.path("/docs/any"), this.page)
				.build(),
			List::of, 7);

	@Test
	void prefixMustBeAPath() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PathScopedRouterFunctionMapping("docs",
					RouterFunctions.route().GET("/docs", this.page).build(), List::of, 0))
			.withMessage("Prefix must start with '/'");
	}

	@Test
	void hasTheGivenOrder() {
		assertThat(this.mapping.getOrder()).isEqualTo(7);
	}

	@Test
	void servesTheRoutesOfGetRequestsUnderThePrefix() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/docs/page");
		HandlerExecutionChain chain = this.mapping.getHandler(request);
		assertThat(chain).isNotNull();
		assertThat(chain.getHandler()).isSameAs(this.page);
		// what the HandlerFunctionAdapter reads the functional request from
		assertThat(request.getAttribute(RouterFunctions.REQUEST_ATTRIBUTE)).isNotNull();
		assertThat(this.mapping.getHandler(new MockHttpServletRequest("GET", "/docs"))).isNotNull();
	}

	@Test
	void leavesOtherMethodsPathsAndUnroutedRequestsAlone() throws Exception {
		// even a route of any method serves GET only
		assertThat(this.mapping.getHandler(new MockHttpServletRequest("GET", "/docs/any"))).isNotNull();
		assertThat(this.mapping.getHandler(new MockHttpServletRequest("POST", "/docs/any"))).isNull();
		assertThat(this.mapping.getHandler(new MockHttpServletRequest("GET", "/docsx"))).isNull();
		assertThat(this.mapping.getHandler(new MockHttpServletRequest("GET", "/other/page"))).isNull();
		MockHttpServletRequest unrouted = new MockHttpServletRequest("GET", "/docs/missing");
		assertThat(this.mapping.getHandler(unrouted)).isNull();
		assertThat(unrouted.getAttribute(RouterFunctions.REQUEST_ATTRIBUTE)).isNull();
	}

}
