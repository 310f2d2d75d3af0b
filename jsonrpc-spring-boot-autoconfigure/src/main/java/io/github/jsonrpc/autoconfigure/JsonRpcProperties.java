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

package io.github.jsonrpc.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.jsonrpc.server.method.JsonRpcNamingStyle;
import io.github.jsonrpc.server.method.JsonRpcParamsCoercion;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the JSON-RPC server, under {@code jsonrpc}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("jsonrpc")
public class JsonRpcProperties {

	private final Http http = new Http();

	private final Batch batch = new Batch();

	private final Limits limits = new Limits();

	private final Errors errors = new Errors();

	private final Logging logging = new Logging();

	private final Naming naming = new Naming();

	private final Execution execution = new Execution();

	private final Observation observation = new Observation();

	private final Discovery discovery = new Discovery();

	private final Params params = new Params();

	private final Protocol protocol = new Protocol();

	/**
	 * Limits of methods by name or pattern ('*' matches any text, e.g. '[inventory.*]'):
	 * an exact name wins, otherwise the first matching pattern. Overrides the limits
	 * declared with @JsonRpcMethod.
	 */
	private final Map<String, MethodLimits> methods = new LinkedHashMap<>();

	private final Explorer explorer = new Explorer();

	public Http getHttp() {
		return this.http;
	}

	public Batch getBatch() {
		return this.batch;
	}

	public Limits getLimits() {
		return this.limits;
	}

	public Errors getErrors() {
		return this.errors;
	}

	public Logging getLogging() {
		return this.logging;
	}

	public Naming getNaming() {
		return this.naming;
	}

	public Execution getExecution() {
		return this.execution;
	}

	public Observation getObservation() {
		return this.observation;
	}

	public Map<String, MethodLimits> getMethods() {
		return this.methods;
	}

	public Explorer getExplorer() {
		return this.explorer;
	}

	public Discovery getDiscovery() {
		return this.discovery;
	}

	public Protocol getProtocol() {
		return this.protocol;
	}

	public Params getParams() {
		return this.params;
	}

	/**
	 * HTTP endpoint properties.
	 */
	public static class Http {

		/**
		 * Whether to serve JSON-RPC over HTTP POST.
		 */
		private boolean enabled = true;

		/**
		 * Path of the HTTP endpoint.
		 */
		private String path = "/jsonrpc";

		/**
		 * Largest request body accepted; larger bodies get 413 before any parsing.
		 */
		private DataSize maxRequestSize = DataSize.ofMegabytes(1);

		/**
		 * How HTTP statuses are chosen: 'standard' (200 for every JSON-RPC body, 204 for
		 * none, 400 for a body that is not JSON) or 'by-error-code' (4xx/5xx per error
		 * code of single calls).
		 */
		private StatusPolicy statusPolicy = StatusPolicy.STANDARD;

		/**
		 * Whether to serve JSON-RPC POSTs (same-origin, application/json, exactly the
		 * endpoint path) from a servlet filter in front of the DispatcherServlet, saving
		 * its per-request cost. Servlet filters ordered before it, Spring Security's
		 * included, still apply; filters without an explicit order (LOWEST_PRECEDENCE)
		 * run after it and do not see the calls it serves. Spring MVC
		 * HandlerInterceptors, exception resolvers, ServletRequestHandledEvent and
		 * handler-mapping CORS do not apply (cross-origin requests, other methods and the
		 * WebSocket upgrade still go to Spring MVC). Calls completing later time out
		 * after spring.mvc.async.request-timeout only. Servlet applications only.
		 */
		private boolean bypassDispatcherServlet;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			Assert.isTrue(StringUtils.hasText(path) && path.startsWith("/"), "jsonrpc.http.path must start with '/'");
			this.path = path;
		}

		public DataSize getMaxRequestSize() {
			return this.maxRequestSize;
		}

		public void setMaxRequestSize(DataSize maxRequestSize) {
			Assert.isTrue(maxRequestSize.toBytes() > 0, "jsonrpc.http.max-request-size must be positive");
			this.maxRequestSize = maxRequestSize;
		}

		public StatusPolicy getStatusPolicy() {
			return this.statusPolicy;
		}

		public void setStatusPolicy(StatusPolicy statusPolicy) {
			this.statusPolicy = statusPolicy;
		}

		public boolean isBypassDispatcherServlet() {
			return this.bypassDispatcherServlet;
		}

		public void setBypassDispatcherServlet(boolean bypassDispatcherServlet) {
			this.bypassDispatcherServlet = bypassDispatcherServlet;
		}

		/**
		 * Presets of the HTTP status policy.
		 */
		public enum StatusPolicy {

			/**
			 * 200 for every JSON-RPC body, 204 when there is none, 400 when the body is
			 * not JSON.
			 */
			STANDARD,

			/**
			 * 400 for -32700/-32600, 404 for -32601, 401/403 for unauthenticated and
			 * forbidden, 500 for other errors of single calls.
			 */
			BY_ERROR_CODE

		}

	}

	/**
	 * Batch properties.
	 */
	public static class Batch {

		/**
		 * Maximum number of requests in a batch; a larger batch gets a single -32600
		 * error and none of it runs.
		 */
		private int maxSize = 100;

		/**
		 * Number of requests of one batch run at once, on the application task executor.
		 * 1 runs them one after the other. Responses keep request order either way.
		 */
		private int parallelism = 1;

		public int getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(int maxSize) {
			Assert.isTrue(maxSize > 0, "jsonrpc.batch.max-size must be positive");
			this.maxSize = maxSize;
		}

		public int getParallelism() {
			return this.parallelism;
		}

		public void setParallelism(int parallelism) {
			Assert.isTrue(parallelism > 0, "jsonrpc.batch.parallelism must be positive");
			this.parallelism = parallelism;
		}

	}

	/**
	 * Limits of what a request may make the server read, run and hold. Input beyond the
	 * reading limits (nesting depth, number, string and name length) is rejected as a
	 * parse error before any method runs.
	 */
	public static class Limits {

		/**
		 * Maximum depth of nested arrays and objects.
		 */
		private int maxNestingDepth = 64;

		/**
		 * Maximum number of characters of a number.
		 */
		private int maxNumberLength = 100;

		/**
		 * Maximum number of characters of a string value.
		 */
		private int maxStringLength = 1_000_000;

		/**
		 * Maximum number of characters of an object member name.
		 */
		private int maxNameLength = 1_000;

		/**
		 * Maximum number of characters of a method name; longer names get -32600.
		 */
		private int maxMethodNameLength = 256;

		/**
		 * Maximum number of items a stream or multi-value publisher may produce when it
		 * is collected into one result (over HTTP, or for a notification); beyond it the
		 * call gets -32005 and the source is cancelled.
		 */
		private int maxCollectedItems = 10_000;

		/**
		 * Maximum size of what one request may make the server hold for its reply, across
		 * all the calls of a batch: items collected from streams and the encoded reply. A
		 * call whose result does not fit gets -32005 "Reply too large", and once it is
		 * spent the remaining calls of the batch are not run.
		 */
		private DataSize maxReplySize = DataSize.ofMegabytes(4);

		/**
		 * Maximum size of what all persistent connections together (WebSocket and every
		 * other transport) may hold: messages queued for writing, received calls not
		 * finished, parts of messages being received. When it is spent, the connections
		 * holding more than the one asking are closed first, largest first (WebSocket:
		 * 1013); if that is not enough, new calls get -32005. Defaults to 25% of the
		 * maximum heap.
		 */
		private @Nullable DataSize maxTotalBufferedSize;

		public int getMaxNestingDepth() {
			return this.maxNestingDepth;
		}

		public void setMaxNestingDepth(int maxNestingDepth) {
			Assert.isTrue(maxNestingDepth > 0, "jsonrpc.limits.max-nesting-depth must be positive");
			this.maxNestingDepth = maxNestingDepth;
		}

		public int getMaxNumberLength() {
			return this.maxNumberLength;
		}

		public void setMaxNumberLength(int maxNumberLength) {
			Assert.isTrue(maxNumberLength > 0, "jsonrpc.limits.max-number-length must be positive");
			this.maxNumberLength = maxNumberLength;
		}

		public int getMaxStringLength() {
			return this.maxStringLength;
		}

		public void setMaxStringLength(int maxStringLength) {
			Assert.isTrue(maxStringLength > 0, "jsonrpc.limits.max-string-length must be positive");
			this.maxStringLength = maxStringLength;
		}

		public int getMaxNameLength() {
			return this.maxNameLength;
		}

		public void setMaxNameLength(int maxNameLength) {
			Assert.isTrue(maxNameLength > 0, "jsonrpc.limits.max-name-length must be positive");
			this.maxNameLength = maxNameLength;
		}

		public int getMaxCollectedItems() {
			return this.maxCollectedItems;
		}

		public void setMaxCollectedItems(int maxCollectedItems) {
			Assert.isTrue(maxCollectedItems > 0, "jsonrpc.limits.max-collected-items must be positive");
			this.maxCollectedItems = maxCollectedItems;
		}

		public DataSize getMaxReplySize() {
			return this.maxReplySize;
		}

		public void setMaxReplySize(DataSize maxReplySize) {
			Assert.isTrue(maxReplySize.toBytes() > 0, "jsonrpc.limits.max-reply-size must be positive");
			this.maxReplySize = maxReplySize;
		}

		public @Nullable DataSize getMaxTotalBufferedSize() {
			return this.maxTotalBufferedSize;
		}

		public void setMaxTotalBufferedSize(@Nullable DataSize maxTotalBufferedSize) {
			Assert.isTrue(maxTotalBufferedSize == null || maxTotalBufferedSize.toBytes() > 0,
					"jsonrpc.limits.max-total-buffered-size must be positive");
			this.maxTotalBufferedSize = maxTotalBufferedSize;
		}

		public int getMaxMethodNameLength() {
			return this.maxMethodNameLength;
		}

		public void setMaxMethodNameLength(int maxMethodNameLength) {
			Assert.isTrue(maxMethodNameLength > 0, "jsonrpc.limits.max-method-name-length must be positive");
			this.maxMethodNameLength = maxMethodNameLength;
		}

	}

	/**
	 * Error reporting properties.
	 */
	public static class Errors {

		/**
		 * Whether -32603 errors carry the exception type and message in their data. For
		 * development only: it exposes internals to clients.
		 */
		private boolean includeDetails;

		public boolean isIncludeDetails() {
			return this.includeDetails;
		}

		public void setIncludeDetails(boolean includeDetails) {
			this.includeDetails = includeDetails;
		}

	}

	/**
	 * Request logging properties.
	 */
	public static class Logging {

		/**
		 * Whether to log one line per call at info level: method, id, transport,
		 * duration, outcome, params and result or error. Params may hold personal data.
		 */
		private boolean enabled;

		/**
		 * Number of characters of params, result and error message logged; 0 logs none.
		 */
		private int maxPayloadLength = 256;

		private final Mdc mdc = new Mdc();

		public boolean isEnabled() {
			return this.enabled;
		}

		public Mdc getMdc() {
			return this.mdc;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxPayloadLength() {
			return this.maxPayloadLength;
		}

		public void setMaxPayloadLength(int maxPayloadLength) {
			Assert.isTrue(maxPayloadLength >= 0, "jsonrpc.logging.max-payload-length must not be negative");
			this.maxPayloadLength = maxPayloadLength;
		}

		/**
		 * Logging MDC properties.
		 */
		public static class Mdc {

			/**
			 * Whether every call puts its method and id in the logging MDC
			 * ('jsonrpc.method', 'jsonrpc.id') while it runs, on every transport.
			 */
			private boolean enabled = true;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

		}

	}

	/**
	 * Limits of one method or pattern of methods.
	 */
	public static class MethodLimits {

		/**
		 * Longest time a call may take; a call over it gets -32005 with data.reason
		 * 'timeout' and its work is cancelled (a blocking method's thread is
		 * interrupted). Unset keeps the timeout of @JsonRpcMethod, if any.
		 */
		private @Nullable Duration timeout;

		/**
		 * Largest number of calls running at once; a call beyond it gets -32005 with
		 * data.reason 'max-concurrency'. 0 keeps the limit of @JsonRpcMethod, if any.
		 */
		private int maxConcurrency;

		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(@Nullable Duration timeout) {
			PositiveDurations.requireUnlessUnset(timeout, "jsonrpc.methods.*.timeout must be positive");
			this.timeout = timeout;
		}

		public int getMaxConcurrency() {
			return this.maxConcurrency;
		}

		public void setMaxConcurrency(int maxConcurrency) {
			Assert.isTrue(maxConcurrency >= 0, "jsonrpc.methods.*.max-concurrency must not be negative");
			this.maxConcurrency = maxConcurrency;
		}

	}

	/**
	 * API explorer properties.
	 */
	public static class Explorer {

		/**
		 * Whether to serve the API explorer page at '{jsonrpc.http.path}/explorer': lists
		 * the methods of rpc.discover and calls them over HTTP or WebSocket from the
		 * browser, with the browser user's credentials.
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Naming properties.
	 */
	public static class Naming {

		/**
		 * How method and parameter names derived from Java are exposed. Names given in
		 * annotations are used as written.
		 */
		private JsonRpcNamingStyle style = JsonRpcNamingStyle.AS_DECLARED;

		public JsonRpcNamingStyle getStyle() {
			return this.style;
		}

		public void setStyle(JsonRpcNamingStyle style) {
			this.style = style;
		}

	}

	/**
	 * Params binding properties.
	 */
	public static class Params {

		/**
		 * How params values are converted to parameter types. 'strict': a JSON value must
		 * have the kind of its parameter (no string for a number or boolean, no number
		 * for a string, no float for an integer), in nested values too, whatever the
		 * application's JsonMapper allows. 'lenient': coercions follow the application's
		 * JsonMapper, except that a float is never truncated to an integer.
		 */
		private JsonRpcParamsCoercion coercion = JsonRpcParamsCoercion.STRICT;

		/**
		 * Whether params of the shape {"args": [...], "kwargs": {...}}
		 * (aiohttp-json-rpc's attribute-style calls) bind args by position and kwargs by
		 * name.
		 */
		private boolean argsKwargs;

		public JsonRpcParamsCoercion getCoercion() {
			return this.coercion;
		}

		public void setCoercion(JsonRpcParamsCoercion coercion) {
			this.coercion = coercion;
		}

		public boolean isArgsKwargs() {
			return this.argsKwargs;
		}

		public void setArgsKwargs(boolean argsKwargs) {
			this.argsKwargs = argsKwargs;
		}

	}

	/**
	 * Protocol version properties.
	 */
	public static class Protocol {

		private final V1 v1 = new V1();

		public V1 getV1() {
			return this.v1;
		}

		/**
		 * JSON-RPC 1.0 properties.
		 */
		public static class V1 {

			/**
			 * Whether a request object without a "jsonrpc" member is served as a JSON-RPC
			 * 1.0 request (positional params, "id": null for a notification, a response
			 * with both "result" and "error") instead of being rejected with -32600.
			 * Batches stay 2.0 only.
			 */
			private boolean enabled;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

		}

	}

	/**
	 * Method execution properties.
	 */
	public static class Execution {

		/**
		 * Whether methods that return neither a future nor a publisher run on the
		 * application task executor (virtual threads when spring.threads.virtual.enabled
		 * is set) instead of the transport's thread. In a reactive web application they
		 * never run on the event loop: when not set, they run on Reactor's bounded
		 * elastic scheduler.
		 */
		private boolean offloadBlocking;

		public boolean isOffloadBlocking() {
			return this.offloadBlocking;
		}

		public void setOffloadBlocking(boolean offloadBlocking) {
			this.offloadBlocking = offloadBlocking;
		}

	}

	/**
	 * Observation properties.
	 */
	public static class Observation {

		/**
		 * Whether to observe every call when an ObservationRegistry is present: of the
		 * server (timer 'jsonrpc.server.calls' and a span) and of clients built from the
		 * auto-configured JsonRpcClient.Builder ('jsonrpc.client.calls').
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Service discovery properties.
	 */
	public static class Discovery {

		/**
		 * Whether to serve 'rpc.discover', the OpenRPC document listing the methods the
		 * caller may call.
		 */
		private boolean enabled = true;

		/**
		 * Title of the API in the OpenRPC document. Defaults to spring.application.name,
		 * or 'JSON-RPC API' without one.
		 */
		private @Nullable String title;

		/**
		 * Version of the API in the OpenRPC document.
		 */
		private String version = "1.0.0";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getTitle() {
			return this.title;
		}

		public void setTitle(@Nullable String title) {
			this.title = title;
		}

		public String getVersion() {
			return this.version;
		}

		public void setVersion(String version) {
			Assert.hasText(version, "jsonrpc.discovery.version must not be empty");
			this.version = version;
		}

	}

}
