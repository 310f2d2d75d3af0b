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
package io.github.jsonrpc.server.webmvc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.http.JsonRpcHttpStatusPolicy;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.HandlerExecutionChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JsonRpcHttpFilter}: same-origin {@code POST}s with JSON to its path
 * served on the servlet request (at once, later, streamed, bounded), everything else
 * passed down the chain to be answered as {@link JsonRpcHttpHandlerMapping} answers it.
 *
 * @author jsonrpc-dev
 */
class JsonRpcHttpFilterTests {

	private static final String CALL = PendingCall.CALL;

	private final PendingCall call = new PendingCall();

	private final CompletableFuture<JsonRpcResponse> pending = this.call.response();

	private final JsonRpcHttpHandler httpHandler = this.call.httpHandler(JsonRpcHttpStatusPolicy.standard(), 1024);

	private final JsonRpcHttpFilter filter = new JsonRpcHttpFilter("/rpc", this.httpHandler, Duration.ofSeconds(7));

	// what the DispatcherServlet does with a request the filter passes on
	private final JsonRpcHttpHandlerMapping mapping = new JsonRpcHttpHandlerMapping("/rpc", this.httpHandler);

	@AfterEach
	void release() {
		this.call.release();
	}

	@Test
	void replyReadyAtOnceIsWrittenWithoutTheDispatcherServlet() throws Exception {
		this.pending.complete(JsonRpcResponse.success(JsonRpcId.of(1), "now"));
		Served served = filter(post(CALL));
		assertThat(served.passedOn()).isFalse();
		assertThat(served.response().getStatus()).isEqualTo(200);
		assertThat(served.response().getContentType()).isEqualTo("application/json");
		assertThat(served.response().getContentAsString())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"now\",\"id\":1}");
		assertThat(served.response().getContentLength()).isEqualTo(served.response().getContentAsByteArray().length);
		assertThat(served.request().isAsyncStarted()).isFalse();
	}

	@Test
	void notificationIsAnsweredWithNoContent() throws Exception {
		this.pending.complete(JsonRpcResponse.success(JsonRpcId.of(1), "ignored"));
		Served served = filter(post("{\"jsonrpc\":\"2.0\",\"method\":\"later\"}"));
		assertThat(served.passedOn()).isFalse();
		assertThat(served.response().getStatus()).isEqualTo(204);
		assertThat(served.response().getContentAsByteArray()).isEmpty();
		assertThat(served.response().getContentType()).isNull();
	}

	@Test
	void pendingCallIsAnsweredAsynchronouslyWhenItCompletes() throws Exception {
		Served served = filter(post(CALL));
		assertThat(served.passedOn()).isFalse();
		assertThat(served.request().isAsyncStarted()).isTrue();
		MockAsyncContext async = (MockAsyncContext) served.request().getAsyncContext();
		assertThat(async.getTimeout()).isEqualTo(7000);
		assertThat(served.response().getContentAsByteArray()).isEmpty();
		CompletableFuture.runAsync(() -> this.pending.complete(JsonRpcResponse.success(JsonRpcId.of(1), "late")))
			.join();
		// nothing written on the completing thread: dispatched back to the container
		assertThat(served.response().getContentAsByteArray()).isEmpty();
		assertThat(async.getDispatchedPath()).isEqualTo("/rpc");
		dispatchedBack(served.request(), this.filter);
		assertThat(served.response().getContentAsString())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"late\",\"id\":1}");
		assertThat(served.response().getStatus()).isEqualTo(200);
		assertThat(served.request().isAsyncStarted()).as("completed").isFalse();
	}

	@Test
	void asyncTimeoutTooLongForMillisecondsIsSaturatedInsteadOfFailingTheCall() throws Exception {
		JsonRpcHttpFilter forever = new JsonRpcHttpFilter("/rpc", this.httpHandler, ChronoUnit.FOREVER.getDuration());
		MockHttpServletRequest request = post(CALL);
		MockHttpServletResponse response = new MockHttpServletResponse();
		forever.doFilter(request, response, new MockFilterChain());
		assertThat(((MockAsyncContext) request.getAsyncContext()).getTimeout()).isEqualTo(Long.MAX_VALUE);
		this.pending.complete(JsonRpcResponse.success(JsonRpcId.of(1), "late"));
		dispatchedBack(request, forever);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"late\",\"id\":1}");
	}

	@Test
	void pendingCallFailingLaterIsAnsweredWithItsJsonRpcErrorAndPolicyStatus() throws Exception {
		JsonRpcHttpFilter byErrorCode = new JsonRpcHttpFilter("/rpc",
				this.call.httpHandler(JsonRpcHttpStatusPolicy.byErrorCode(), 1024), null);
		MockHttpServletRequest request = post(CALL);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		byErrorCode.doFilter(request, response, chain);
		assertThat(chain.getRequest()).isNull();
		// no timeout of its own: the container's
		assertThat(((MockAsyncContext) request.getAsyncContext()).getTimeout()).isEqualTo(10_000);
		this.pending.completeExceptionally(new JsonRpcException(-32001, "Unauthorized"));
		dispatchedBack(request, byErrorCode);
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentAsString())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32001,\"message\":\"Unauthorized\"},\"id\":1}");
		assertThat(request.isAsyncStarted()).isFalse();
	}

	@Test
	void replyThatFailsOutsideTheHandlerIsAnsweredWith500() throws Exception {
		Served served = filter(post(CALL));
		// the handler never turns a failed JVM into an error response
		this.pending.completeExceptionally(new OutOfMemoryError("test"));
		assertThat(served.response().getStatus()).isEqualTo(200);
		dispatchedBack(served.request(), this.filter);
		assertThat(served.response().getStatus()).isEqualTo(500);
		assertThat(served.response().getContentAsByteArray()).isEmpty();
	}

	@Test
	void callStillRunningAtTheTimeoutIsAnswered503AndItsLateReplyIsDropped() throws Exception {
		Served served = filter(post(CALL));
		MockAsyncContext async = (MockAsyncContext) served.request().getAsyncContext();
		for (AsyncListener listener : async.getListeners()) {
			listener.onTimeout(new AsyncEvent(async));
		}
		assertThat(served.response().getStatus()).isEqualTo(503);
		assertThat(served.response().isCommitted()).isTrue();
		assertThat(served.request().isAsyncStarted()).isFalse();
		this.pending.complete(JsonRpcResponse.success(JsonRpcId.of(1), "too late"));
		assertThat(async.getDispatchedPath()).as("not dispatched").isNull();
		assertThat(served.response().getContentAsString()).isEmpty();
		assertThat(served.response().getStatus()).isEqualTo(503);
	}

	@Test
	void replyBeforeTheTimeoutIsNotOverwrittenByIt() throws Exception {
		Served served = filter(post(CALL));
		MockAsyncContext async = (MockAsyncContext) served.request().getAsyncContext();
		List<AsyncListener> listeners = List.copyOf(async.getListeners());
		this.pending.complete(JsonRpcResponse.success(JsonRpcId.of(1), "in time"));
		for (AsyncListener listener : listeners) {
			listener.onTimeout(new AsyncEvent(async));
		}
		assertThat(served.response().isCommitted()).as("no 503").isFalse();
		dispatchedBack(served.request(), this.filter);
		assertThat(served.response().getStatus()).isEqualTo(200);
		assertThat(served.response().getContentAsString()).contains("in time");
	}

	@Test
	void connectionErrorCompletesTheRequestAndDropsTheLateReply() throws Exception {
		Served served = filter(post(CALL));
		MockAsyncContext async = (MockAsyncContext) served.request().getAsyncContext();
		for (AsyncListener listener : List.copyOf(async.getListeners())) {
			listener.onStartAsync(new AsyncEvent(async));
			listener.onError(new AsyncEvent(async, new IOException("gone")));
		}
		assertThat(served.request().isAsyncStarted()).isFalse();
		this.pending.complete(JsonRpcResponse.success(JsonRpcId.of(1), "nobody"));
		assertThat(async.getDispatchedPath()).as("not dispatched").isNull();
		assertThat(served.response().getContentAsString()).isEmpty();
		assertThat(served.response().getStatus()).isEqualTo(200);
	}

	@Test
	void lateReplyIsWrittenThroughTheResponseWrappersOfEarlierFilters() throws Exception {
		MockHttpServletRequest request = post(CALL);
		MockHttpServletResponse response = new MockHttpServletResponse();
		ShallowEtagHeaderFilter etag = new ShallowEtagHeaderFilter();
		new MockFilterChain(new MappingServlet(this.mapping), etag, this.filter).doFilter(request, response);
		assertThat(request.isAsyncStarted()).isTrue();
		this.pending.complete(JsonRpcResponse.success(JsonRpcId.of(1), "late"));
		dispatchedBack(request, etag, this.filter);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"late\",\"id\":1}");
		assertThat(Collections.list(request.getAttributeNames())).as("reply released")
			.noneMatch((name) -> name.startsWith(JsonRpcHttpFilter.class.getName()));
	}

	@Test
	void asyncDispatchOfARequestSpringMvcServesGoesDownTheChain() throws Exception {
		MockHttpServletRequest request = post(CALL);
		request.setDispatcherType(DispatcherType.ASYNC);
		assertThat(filterAlone(request)).isTrue();
	}

	@Test
	void requestWithoutAsyncSupportIsLeftToSpringMvc() throws Exception {
		MockHttpServletRequest request = post(CALL);
		request.setAsyncSupported(false);
		assertThat(filterAlone(request)).isTrue();
		assertThat(request.getInputStream().available()).as("unread").isEqualTo(CALL.length());
	}

	@Test
	void streamingCallWritesItsItemsThenTheResponse() throws Exception {
		JsonRpcHttpHandler streaming = new JsonRpcHttpHandler(JsonRpcSetup.services(new StreamService()).toHandler(),
				JsonRpcHttpStatusPolicy.standard(), 1024);
		JsonRpcHttpFilter streamingFilter = new JsonRpcHttpFilter("/rpc", streaming, null);
		MockHttpServletRequest request = post("{\"jsonrpc\":\"2.0\",\"method\":\"count\",\"params\":[2],\"id\":1}");
		request.addHeader(HttpHeaders.ACCEPT, "application/x-ndjson");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		streamingFilter.doFilter(request, response, chain);
		assertThat(chain.getRequest()).isNull();
		assertThat(response.getContentType()).isEqualTo("application/x-ndjson;charset=UTF-8");
		assertThat(response.getContentAsString()).isEqualTo("""
				{"jsonrpc":"2.0","method":"rpc.stream","params":{"id":1,"item":1}}
				{"jsonrpc":"2.0","method":"rpc.stream","params":{"id":1,"item":2}}
				{"jsonrpc":"2.0","result":{"count":2},"id":1}
				""");
	}

	@Test
	void bodyAtTheLimitIsServedAndOneByteMoreIsRefusedWith413() throws Exception {
		this.pending.complete(JsonRpcResponse.success(JsonRpcId.of(1), "ok"));
		int size = CALL.getBytes(StandardCharsets.UTF_8).length;
		JsonRpcHttpFilter exact = new JsonRpcHttpFilter("/rpc",
				this.call.httpHandler(JsonRpcHttpStatusPolicy.standard(), size), null);
		MockHttpServletResponse atLimit = new MockHttpServletResponse();
		exact.doFilter(post(CALL), atLimit, new MockFilterChain());
		assertThat(atLimit.getStatus()).isEqualTo(200);
		assertThat(atLimit.getContentAsString()).contains("\"result\":\"ok\"");
		JsonRpcHttpFilter oneLess = new JsonRpcHttpFilter("/rpc",
				this.call.httpHandler(JsonRpcHttpStatusPolicy.standard(), size - 1), null);
		MockHttpServletRequest over = post(CALL);
		MockHttpServletResponse overLimit = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		oneLess.doFilter(over, overLimit, chain);
		assertThat(chain.getRequest()).isNull();
		assertThat(overLimit.getStatus()).isEqualTo(413);
		assertThat(overLimit.getContentAsByteArray()).isEmpty();
		// refused on the header alone: the body was never read
		assertThat(over.getInputStream().available()).isEqualTo(size);
	}

	@Test
	void otherContentTypesGoToTheMappingAnd415() throws Exception {
		for (String contentType : new String[] { null, "text/plain", "application/*", "not a media type",
				"application/json;charset=ISO-8859-1" }) {
			MockHttpServletRequest request = post(CALL, contentType);
			Served served = filter(request);
			assertThat(served.passedOn()).as(String.valueOf(contentType)).isTrue();
			assertThat(served.response().getStatus()).isEqualTo(415);
			assertThat(served.response().getHeader("Accept-Post")).isEqualTo("application/json");
		}
	}

	@Test
	void otherMethodsGoToTheMapping() throws Exception {
		for (String method : new String[] { "GET", "PUT", "OPTIONS" }) {
			MockHttpServletRequest request = post(CALL);
			request.setMethod(method);
			Served served = filter(request);
			assertThat(served.passedOn()).as(method).isTrue();
			assertThat(served.response().getStatus()).isEqualTo(405);
			assertThat(served.response().getHeader(HttpHeaders.ALLOW)).isEqualTo("POST");
		}
	}

	@Test
	void otherPathsGoDownTheChainUnread() throws Exception {
		for (String uri : new String[] { "/rpc/", "/rpc/openrpc.json", "/rp", "/abc", "/x/rpc" }) {
			MockHttpServletRequest request = post(CALL);
			request.setRequestURI(uri);
			Served served = filter(request);
			assertThat(served.passedOn()).as(uri).isTrue();
			assertThat(request.getInputStream().available()).as(uri).isEqualTo(CALL.length());
		}
		// Spring MVC's lookup path drops path parameters: served there
		this.pending.complete(JsonRpcResponse.success(JsonRpcId.of(1), "ok"));
		MockHttpServletRequest request = post(CALL);
		request.setRequestURI("/rpc;a=b");
		Served served = filter(request);
		assertThat(served.passedOn()).isTrue();
		assertThat(served.response().getContentAsString()).contains("\"result\":\"ok\"");
	}

	@Test
	void pathIsComparedAfterTheContextPath() throws Exception {
		this.pending.complete(JsonRpcResponse.success(JsonRpcId.of(1), "ok"));
		MockHttpServletRequest request = post(CALL);
		request.setContextPath("/app");
		request.setRequestURI("/app/rpc");
		assertThat(filter(request).passedOn()).isFalse();
		MockHttpServletRequest otherContext = post(CALL);
		otherContext.setContextPath("/app");
		otherContext.setRequestURI("/xpp/rpc");
		assertThat(filterAlone(otherContext)).isTrue();
		MockHttpServletRequest withoutContext = post(CALL);
		withoutContext.setContextPath("/app");
		withoutContext.setRequestURI("/appx/rp");
		assertThat(filterAlone(withoutContext)).isTrue();
	}

	@Test
	void crossOriginCallsAreLeftToSpringMvcCors() throws Exception {
		this.pending.complete(JsonRpcResponse.success(JsonRpcId.of(1), "ok"));
		MockHttpServletRequest crossOrigin = post(CALL);
		crossOrigin.addHeader(HttpHeaders.ORIGIN, "https://elsewhere.example");
		assertThat(filter(crossOrigin).passedOn()).isTrue();
		MockHttpServletRequest sameOrigin = post(CALL);
		sameOrigin.addHeader(HttpHeaders.ORIGIN, "http://localhost");
		assertThat(filter(sameOrigin).passedOn()).isFalse();
	}

	@Test
	void constructorRejectsMissingOrRelativePathMissingHandlerAndNegativeTimeout() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcHttpFilter("", this.httpHandler, null))
			.withMessage("Path is required");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcHttpFilter("rpc", this.httpHandler, null))
			.withMessage("Path must start with '/'");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcHttpFilter("/rpc", null, null))
			.withMessage("Handler is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JsonRpcHttpFilter("/rpc", this.httpHandler, Duration.ofMillis(-1)))
			.withMessage("asyncTimeout must not be negative");
		assertThat(new JsonRpcHttpFilter("/rpc", this.httpHandler, Duration.ZERO).getPath()).isEqualTo("/rpc");
	}

	private Served filter(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain(new MappingServlet(this.mapping));
		this.filter.doFilter(request, response, chain);
		return new Served(request, response, chain.getRequest() != null);
	}

	// whether the filter passed the request on
	private boolean filterAlone(MockHttpServletRequest request) throws Exception {
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, new MockHttpServletResponse(), chain);
		return chain.getRequest() != null;
	}

	// what the container does after the filter dispatched the request back: the
	// filters again, as an ASYNC dispatch with the response async processing started
	// with (an earlier filter's wrapper), then the end of async processing
	private static void dispatchedBack(MockHttpServletRequest request, Filter... filters) throws Exception {
		MockAsyncContext async = (MockAsyncContext) request.getAsyncContext();
		assertThat(async.getDispatchedPath()).as("dispatched").isEqualTo("/rpc");
		request.setAsyncStarted(false);
		request.setDispatcherType(DispatcherType.ASYNC);
		new MockFilterChain(new Unreachable(), filters).doFilter(request, async.getResponse());
	}

	private static MockHttpServletRequest post(String json) {
		return post(json, "application/json");
	}

	private static MockHttpServletRequest post(String json, @Nullable String contentType) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/rpc");
		request.setAsyncSupported(true);
		if (contentType != null) {
			request.addHeader(HttpHeaders.CONTENT_TYPE, contentType);
		}
		request.setContent(body);
		request.addHeader(HttpHeaders.CONTENT_LENGTH, body.length);
		return request;
	}

	private record Served(MockHttpServletRequest request, MockHttpServletResponse response, boolean passedOn) {
	}

	/**
	 * The part of the {@code DispatcherServlet} that matters here: the mapping's handler,
	 * if it has one.
	 */
	@SuppressWarnings("serial")
	private static final class MappingServlet extends HttpServlet {

		private final transient JsonRpcHttpHandlerMapping mapping;

		MappingServlet(JsonRpcHttpHandlerMapping mapping) {
			this.mapping = mapping;
		}

		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response)
				throws ServletException, IOException {
			try {
				@Nullable HandlerExecutionChain chain = this.mapping.getHandler(request);
				if (chain != null) {
					((HttpRequestHandler) chain.getHandler()).handleRequest(request, response);
				}
			}
			catch (ServletException | IOException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new ServletException(ex);
			}
		}

	}

	/**
	 * A servlet the async dispatch of a late reply must not reach.
	 */
	@SuppressWarnings("serial")
	private static final class Unreachable extends HttpServlet {

		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException {
			throw new ServletException("the late reply was passed on to the servlet");
		}

	}

	@JsonRpcService
	static class StreamService {

		public Stream<Integer> count(int n) {
			return IntStream.rangeClosed(1, n).boxed();
		}

	}

}
