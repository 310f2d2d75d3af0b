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
package io.github.jsonrpc.sample.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.JMException;
import javax.management.ObjectName;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on a real sample server, as in issue 13, bounded in count and time: each
 * asserts a bounded live heap (measured after GC through the {@link MemoryMXBean}, never
 * timing), a server that still answers afterwards, and no forged log lines. Run with
 * {@code ./mvnw -Preliability -pl sample-app -am test -Dtest=ReliabilityTests
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code .ci/run} does), in a JVM of
 * {@code -Xmx512m} like the issue's.
 *
 * @author JSON-RPC for Spring Boot team
 */
@Tag("reliability")
// the request log without payloads: the method names and error messages are the attack
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "jsonrpc.logging.enabled=true", "jsonrpc.logging.max-payload-length=0" })
@ExtendWith(OutputCaptureExtension.class)
class ReliabilityTests {

	private static final int CLIENTS = 40;

	private static final int ROUNDS = 3;

	private static final long MB = 1024 * 1024;

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	private int port;

	@Test
	@Timeout(value = 10, unit = TimeUnit.MINUTES)
	void batchesCannotMultiplyThePerCallLimits() throws Exception {
		// a 7 KB batch of 100 countdown(10000) calls asked for a 5 MB reply each
		String batch = batch(100, "countdown", "[10000]");
		long baseline = liveHeap();
		AtomicLong peak = new AtomicLong(baseline);
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleWithFixedDelay(() -> peak.accumulateAndGet(liveHeap(), Math::max), 0, 200,
				TimeUnit.MILLISECONDS);
		AtomicInteger tooLarge = new AtomicInteger();
		AtomicLong largestReply = new AtomicLong();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				running.add(clients.submit(() -> {
					for (int r = 0; r < ROUNDS; r++) {
						HttpResponse<String> response = post(batch);
						assertThat(response.statusCode()).isEqualTo(200);
						largestReply.accumulateAndGet(response.body().length(), Math::max);
						if (response.body().contains("\"Reply too large\"")) {
							tooLarge.incrementAndGet();
						}
					}
					return null;
				}));
			}
			for (Future<?> client : running) {
				client.get(9, TimeUnit.MINUTES);
			}
		}
		finally {
			sampler.shutdown();
			sampler.awaitTermination(10, TimeUnit.SECONDS);
			clients.shutdownNow();
		}
		long after = liveHeap();
		report("batch multiplication: " + CLIENTS + " clients x " + ROUNDS + " batches of 100 countdown(10000)",
				"baseline " + baseline / MB + " MB, peak live " + peak.get() / MB + " MB, after " + after / MB
						+ " MB, largest reply " + largestReply.get() / 1024 + " KB, replies cut " + tooLarge.get() + "/"
						+ (CLIENTS * ROUNDS));
		// what stays, by class: the heap histogram of this JVM (server and clients)
		report("batch multiplication: live heap by class after the attack", topOfHistogram(12));
		assertThat(tooLarge.get()).isEqualTo(CLIENTS * ROUNDS);
		// one reply is bounded by jsonrpc.limits.max-reply-size (4 MB) plus the small
		// errors of the calls that did not fit
		assertThat(largestReply.get()).isLessThan(4 * MB + 100 * 200);
		assertThat(peak.get() - baseline).as("live heap growth during the attack").isLessThan(300 * MB);
		// what stays is pooled (connections of 40 clients, Tomcat and Jackson buffers):
		// 87 MB
		// measured on a loaded 2-core machine; an unbounded reply would not fit at all
		assertThat(after - baseline).as("live heap growth after the attack").isLessThan(128 * MB);
		assertAnswers();
	}

	@Test
	@Timeout(value = 2, unit = TimeUnit.MINUTES)
	void clientTextCannotForgeLogLines(CapturedOutput output) throws Exception {
		for (int i = 0; i < 50; i++) {
			post("{\"jsonrpc\":\"2.0\",\"method\":\"x\\r\\nINFO 1 --- [main] FORGED-" + i
					+ " \\u001b[31m\",\"params\":[\"\\r\\nFORGED\"],\"id\":1}");
		}
		assertAnswers();
		assertThat(output.getOut().lines()).noneMatch((line) -> line.contains("FORGED") && !line.contains("JSON-RPC"));
		assertThat(output.getOut()).doesNotContain("\u001b[31m").contains("FORGED-49");
		report("log injection", "50 calls with CR/LF/ANSI in method and params: 0 forged lines");
	}

	@Test
	@Timeout(value = 2, unit = TimeUnit.MINUTES)
	void malformedHeadersGet4xxWithoutStackTraces(CapturedOutput output) throws Exception {
		int rejected = 0;
		for (int i = 0; i < 100; i++) {
			String contentType = (i % 2 == 0) ? "*/*" : "application/*";
			HttpRequest request = HttpRequest.newBuilder(URI.create(url((i % 4 < 2) ? "/jsonrpc" : "/elsewhere")))
				.header("Content-Type", contentType)
				.method((i % 4 < 2) ? "POST" : "GET", HttpRequest.BodyPublishers.ofString("{}"))
				.timeout(Duration.ofSeconds(10))
				.build();
			int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			assertThat(status).isIn(404, 415);
			rejected++;
		}
		assertAnswers();
		assertThat(output.getOut()).doesNotContain(" ERROR ", "Exception");
		report("malformed headers", rejected + " requests with */* or application/*: 415/404, 0 ERROR lines");
	}

	private void assertAnswers() throws Exception {
		HttpResponse<String> response = post(
				"{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}");
	}

	private HttpResponse<String> post(String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/jsonrpc")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.timeout(Duration.ofMinutes(3))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private long liveHeap() {
		this.memory.gc();
		return this.memory.getHeapMemoryUsage().getUsed();
	}

	private static String topOfHistogram(int classes) {
		try {
			ObjectName diagnostics = new ObjectName("com.sun.management:type=DiagnosticCommand");
			String histogram = (String) ManagementFactory.getPlatformMBeanServer()
				.invoke(diagnostics, "gcClassHistogram", new Object[] { new String[0] },
						new String[] { String[].class.getName() });
			return System.lineSeparator()
					+ histogram.lines().limit(classes + 2L).collect(Collectors.joining(System.lineSeparator()));
		}
		catch (JMException ex) {
			return "no histogram: " + ex;
		}
	}

	private static void report(String scenario, String numbers) {
		// picked up from the test output by .ci/run and the issue note
		System.err.println("RELIABILITY " + scenario + ": " + numbers);
	}

	private static String batch(int count, String method, String params) {
		StringBuilder batch = new StringBuilder("[");
		for (int i = 0; i < count; i++) {
			batch.append((i > 0) ? "," : "")
				.append("{\"jsonrpc\":\"2.0\",\"method\":\"")
				.append(method)
				.append("\",\"params\":")
				.append(params)
				.append(",\"id\":")
				.append(i)
				.append('}');
		}
		return batch.append(']').toString();
	}

}
