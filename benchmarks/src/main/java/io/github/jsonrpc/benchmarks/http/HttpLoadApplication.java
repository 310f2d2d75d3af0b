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
package io.github.jsonrpc.benchmarks.http;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jsonrpc.autoconfigure.servlet.JsonRpcWebMvcAutoConfiguration;
import io.github.jsonrpc.benchmarks.CalculatorService;
import io.github.jsonrpc.server.webmvc.JsonRpcHttpFilter;
import io.github.jsonrpc.server.webmvc.JsonRpcHttpHandler;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * One application, one JVM, four endpoints serving the same {@link CalculatorService}:
 *
 * <ul>
 * <li>{@code POST /jsonrpc}: the starter, auto-configured as a user gets it;</li>
 * <li>{@code POST /jsonrpc-direct}: the same starter handler served by its
 * {@link JsonRpcHttpFilter} in front of the {@code DispatcherServlet}, as
 * {@code jsonrpc.http.bypass-dispatcher-servlet=true} serves {@code /jsonrpc};</li>
 * <li>{@code POST /floor}: {@link MvcFloorController}, a bare Spring MVC endpoint that
 * reads the body into a tree, switches on the method name, calls the service and writes
 * the tree back;</li>
 * <li>{@code POST /jsonrpc4j}: a jsonrpc4j 1.7 {@code JsonRpcServer} (Jackson 2) as an
 * {@link HttpRequestHandler} behind the {@code DispatcherServlet}, as its
 * {@code JsonServiceExporter} deploys it; {@code POST /jsonrpc4j-servlet}: the same
 * server in a servlet of its own, without Spring MVC in front of it.</li>
 * </ul>
 *
 * <p>
 * Started by {@code benchmarks/load/compare.sh}, which alternates the three under the
 * same wrk load.
 *
 * @author JSON-RPC for Spring Boot team
 */
@SpringBootApplication(proxyBeanMethods = false)
public class HttpLoadApplication {

	/**
	 * Start the application.
	 * @param args Spring Boot arguments, e.g. {@code --server.port=18080}
	 */
	public static void main(String[] args) {
		SpringApplication.run(HttpLoadApplication.class, args);
	}

	@Bean
	CalculatorService calculatorService() {
		return new CalculatorService();
	}

	@Bean
	FilterRegistrationBean<RequestCostFilter> requestCostFilter() {
		FilterRegistrationBean<RequestCostFilter> registration = new FilterRegistrationBean<>(new RequestCostFilter());
		// around everything else the application runs for a request
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	// the starter's opt-in bypass of the DispatcherServlet, on a path of its own so that
	// both forms of the starter run in the same JVM: registered as the auto-configuration
	// registers it for jsonrpc.http.bypass-dispatcher-servlet
	@Bean
	FilterRegistrationBean<JsonRpcHttpFilter> jsonRpcDirectFilter(JsonRpcHttpHandler httpHandler) {
		FilterRegistrationBean<JsonRpcHttpFilter> registration = new FilterRegistrationBean<>(
				new JsonRpcHttpFilter("/jsonrpc-direct", httpHandler, null));
		registration.addUrlPatterns("/jsonrpc-direct");
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setAsyncSupported(true);
		registration.setOrder(JsonRpcWebMvcAutoConfiguration.HTTP_FILTER_ORDER);
		return registration;
	}

	// not a bean itself: bean post-processing would introspect jsonrpc4j's server, whose
	// methods refer to javax.servlet types that are not on the class path
	@Bean
	Jsonrpc4jServlet jsonrpc4j(CalculatorService service) {
		return new Jsonrpc4jServlet(new com.googlecode.jsonrpc4j.JsonRpcServer(new ObjectMapper(),
				new Jsonrpc4jCalculator.Adapter(service), Jsonrpc4jCalculator.class));
	}

	// how Spring applications deploy jsonrpc4j (its JsonServiceExporter is an
	// HttpRequestHandler): through the DispatcherServlet, like the other two endpoints
	@Bean
	SimpleUrlHandlerMapping jsonrpc4jHandlerMapping(Jsonrpc4jServlet jsonrpc4j) {
		HttpRequestHandler handler = jsonrpc4j::doPost;
		return new SimpleUrlHandlerMapping(Map.of("/jsonrpc4j", handler), 0);
	}

	// the transport alone, no JSON: reads the body and answers a fixed reply (204 for a
	// body without an id), through the DispatcherServlet (/noop) and in a servlet of its
	// own (/noop-servlet). What every endpoint pays before its own work: subtracted from
	// an endpoint's whole-process CPU per request, it leaves what the endpoint itself
	// costs
	@Bean
	SimpleUrlHandlerMapping noopHandlerMapping() {
		return new SimpleUrlHandlerMapping(Map.of("/noop", (HttpRequestHandler) HttpLoadApplication::noop), 0);
	}

	@Bean
	ServletRegistrationBean<HttpServlet> noopServlet() {
		return new ServletRegistrationBean<>(new NoopServlet(), "/noop-servlet");
	}

	private static final byte[] NOOP_REPLY = "{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}"
		.getBytes(java.nio.charset.StandardCharsets.UTF_8);

	static void noop(HttpServletRequest request, HttpServletResponse response) throws IOException {
		byte[] body = request.getInputStream().readAllBytes();
		if (new String(body, java.nio.charset.StandardCharsets.ISO_8859_1).contains("\"id\"")) {
			response.setContentType("application/json");
			response.setContentLength(NOOP_REPLY.length);
			response.getOutputStream().write(NOOP_REPLY);
		}
		else {
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
		}
	}

	@SuppressWarnings("serial")
	static final class NoopServlet extends HttpServlet {

		@Override
		protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
			noop(request, response);
		}

	}

	// the same server in a servlet of its own, next to the DispatcherServlet: what
	// jsonrpc4j costs without Spring MVC in front of it (a reference, not a competitor)
	@Bean
	ServletRegistrationBean<HttpServlet> jsonrpc4jServlet(Jsonrpc4jServlet jsonrpc4j) {
		return new ServletRegistrationBean<>(jsonrpc4j, "/jsonrpc4j-servlet");
	}

	@SuppressWarnings("serial")
	static final class Jsonrpc4jServlet extends HttpServlet {

		// JsonRpcServer.handle is overloaded for javax.servlet too, which is not on the
		// class path, so the compiler cannot pick the jakarta one: found once, called
		// through a constant handle (inlined like a direct call)
		private static final MethodHandle HANDLE = handle();

		private final transient com.googlecode.jsonrpc4j.JsonRpcServer server;

		Jsonrpc4jServlet(com.googlecode.jsonrpc4j.JsonRpcServer server) {
			this.server = server;
		}

		@Override
		public void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
			try {
				HANDLE.invokeExact(this.server, request, response);
			}
			catch (IOException | RuntimeException | Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static MethodHandle handle() {
			try {
				return MethodHandles.publicLookup()
					.findVirtual(com.googlecode.jsonrpc4j.JsonRpcServer.class, "handle",
							MethodType.methodType(void.class, HttpServletRequest.class, HttpServletResponse.class));
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
