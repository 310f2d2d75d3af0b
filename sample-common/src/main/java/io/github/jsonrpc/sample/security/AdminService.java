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
package io.github.jsonrpc.sample.security;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.jsonrpc.pubsub.JsonRpcPublisher;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Administration methods under the {@code admin.} prefix, for role ADMIN only, and the
 * protected topic {@code admin-events}.
 *
 * @author JSON-RPC for Spring Boot team
 */
@JsonRpcService("admin")
@PreAuthorize("hasRole('ADMIN')")
public class AdminService {

	/** The topic of administration events, for role ADMIN only. */
	public static final String EVENTS_TOPIC = "admin-events";

	private final Instant started = Instant.now();

	private final NoteStore notes;

	private final JsonRpcPublisher publisher;

	public AdminService(NoteStore notes, JsonRpcPublisher publisher) {
		this.notes = notes;
		this.publisher = publisher;
	}

	/**
	 * Publish {@code {"from": <admin>, "text": text}} to the topic {@code admin-events}.
	 * @param text the announcement
	 * @param principal the caller
	 * @return the number of connections it was sent to
	 */
	public int announce(String text, Principal principal) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("from", principal.getName());
		event.put("text", text);
		return this.publisher.publish(EVENTS_TOPIC, event);
	}

	/**
	 * Return a few figures about the server.
	 * @return the figures
	 */
	public Map<String, Object> stats() {
		Map<String, Object> stats = new LinkedHashMap<>();
		stats.put("notes", this.notes.count());
		stats.put("uptimeSeconds", Duration.between(this.started, Instant.now()).toSeconds());
		return stats;
	}

}
