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

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.jsonrpc.pubsub.JsonRpcPublisher;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import org.jspecify.annotations.Nullable;

/**
 * A chat room on the topic {@code chat}; {@code say} works over HTTP and WebSocket.
 *
 * @author JSON-RPC for Spring Boot team
 */
@JsonRpcService
public class ChatService {

	/** The topic name. */
	public static final String TOPIC = "chat";

	private final JsonRpcPublisher publisher;

	public ChatService(JsonRpcPublisher publisher) {
		this.publisher = publisher;
	}

	/**
	 * Publish {@code {"from": <principal name or "anonymous">, "text": text}} to the
	 * topic {@code chat}; by position ({@code ["hi"]}) or by name ({@code {"text":
	 * "hi"}}).
	 * @param text the message
	 * @param principal the caller, {@code null} when anonymous
	 * @return the message as published
	 */
	public Map<String, String> say(String text, @Nullable Principal principal) {
		Map<String, String> message = new LinkedHashMap<>();
		message.put("from", (principal != null) ? principal.getName() : "anonymous");
		message.put("text", text);
		this.publisher.publish(TOPIC, message);
		return message;
	}

}
