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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.jsonrpc.benchmarks.BenchmarkRequests;

/**
 * Writes the request bodies of the HTTP load run, the same messages the JMH benchmarks
 * use, one file per workload, for wrk to post.
 *
 * @author JSON-RPC for Spring Boot team
 */
public final class LoadBodies {

	private LoadBodies() {
	}

	/**
	 * Return the workloads by name.
	 * @return the request bodies, in run order
	 */
	static Map<String, String> workloads() {
		Map<String, String> workloads = new LinkedHashMap<>();
		workloads.put("positional", BenchmarkRequests.SUBTRACT_POSITIONAL);
		workloads.put("named", BenchmarkRequests.SUBTRACT_NAMED);
		workloads.put("batch10", BenchmarkRequests.batchOf10());
		workloads.put("notification", BenchmarkRequests.NOTIFICATION);
		workloads.put("echo4k", BenchmarkRequests.echo4k());
		return workloads;
	}

	/**
	 * Write {@code <name>.json} for every workload.
	 * @param args the directory to write to
	 * @throws IOException when a file cannot be written
	 */
	public static void main(String[] args) throws IOException {
		Path directory = Files.createDirectories(Path.of(args[0]));
		for (Map.Entry<String, String> workload : workloads().entrySet()) {
			Files.writeString(directory.resolve(workload.getKey() + ".json"), workload.getValue(),
					StandardCharsets.UTF_8);
		}
	}

}
