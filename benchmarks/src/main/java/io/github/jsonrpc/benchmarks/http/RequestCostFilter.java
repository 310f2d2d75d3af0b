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
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Counts what each endpoint costs per request on the request thread: CPU time and bytes
 * allocated, from the JVM's per-thread counters (the ones JMH's {@code -prof gc} reads).
 * Unlike requests per second, neither depends much on what else runs on the machine, so
 * the load run can compare endpoints on a busy machine too. Everything the container does
 * before the filter chain (reading and parsing the request line and headers) is left out,
 * and it is the same for every endpoint. {@code GET /cost} returns and resets the totals,
 * one line per path: {@code <path> <requests> <bytes per request> <CPU ns per
 * request>}.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class RequestCostFilter implements Filter {

	private static final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private final Map<String, Cost> costs = new ConcurrentHashMap<>();

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		String path = ((HttpServletRequest) request).getRequestURI();
		if ("/cost".equals(path)) {
			report(response);
			return;
		}
		long threadId = Thread.currentThread().getId();
		long bytes = threads.getThreadAllocatedBytes(threadId);
		long cpu = threads.getCurrentThreadCpuTime();
		chain.doFilter(request, response);
		cpu = threads.getCurrentThreadCpuTime() - cpu;
		bytes = threads.getThreadAllocatedBytes(threadId) - bytes;
		this.costs.computeIfAbsent(path, (key) -> new Cost()).add(bytes, cpu);
	}

	private void report(ServletResponse response) throws IOException {
		StringBuilder report = new StringBuilder();
		this.costs.forEach((path, cost) -> {
			long count = cost.count.sumThenReset();
			long bytes = cost.bytes.sumThenReset();
			long cpu = cost.cpu.sumThenReset();
			if (count > 0) {
				report.append(path)
					.append(' ')
					.append(count)
					.append(' ')
					.append(bytes / count)
					.append(' ')
					.append(cpu / count)
					.append('\n');
			}
		});
		response.setContentType("text/plain");
		response.getOutputStream().write(report.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static final class Cost {

		final LongAdder count = new LongAdder();

		final LongAdder bytes = new LongAdder();

		final LongAdder cpu = new LongAdder();

		void add(long bytes, long cpu) {
			this.count.increment();
			this.bytes.add(bytes);
			this.cpu.add(cpu);
		}

	}

}
