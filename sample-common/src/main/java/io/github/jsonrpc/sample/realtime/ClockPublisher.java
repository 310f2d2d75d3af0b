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
package io.github.jsonrpc.sample.realtime;

import java.time.Instant;
import java.util.Map;

import io.github.jsonrpc.pubsub.JsonRpcPublisher;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the time to the topic {@code clock} once per second, as {@code {"time":
 * "2026-01-01T12:00:00Z"}}.
 *
 * @author JSON-RPC for Spring Boot team
 */
@Component
public class ClockPublisher {

	/** The topic name. */
	public static final String TOPIC = "clock";

	private final JsonRpcPublisher publisher;

	public ClockPublisher(JsonRpcPublisher publisher) {
		this.publisher = publisher;
	}

	@Scheduled(fixedRate = 1000)
	public void tick() {
		this.publisher.publish(TOPIC, Map.of("time", Instant.now().toString()));
	}

}
