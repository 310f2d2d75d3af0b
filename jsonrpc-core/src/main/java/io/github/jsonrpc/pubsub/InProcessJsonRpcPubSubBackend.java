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
package io.github.jsonrpc.pubsub;

import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import org.springframework.util.Assert;

/**
 * The default {@link JsonRpcPubSubBackend}: one instance, publications handed straight to
 * its receiver on the publishing thread.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class InProcessJsonRpcPubSubBackend implements JsonRpcPubSubBackend {

	private volatile @Nullable Receiver receiver;

	@Override
	public void attach(Receiver receiver) {
		Assert.notNull(receiver, "Receiver is required");
		Assert.state(this.receiver == null, "A receiver is attached already");
		this.receiver = receiver;
	}

	@Override
	public int publish(String topic, JsonRpcEncodedMessage message, boolean retain) {
		return receiver().published(topic, message, retain);
	}

	@Override
	public int sendToUser(String userName, JsonRpcEncodedMessage message) {
		return receiver().sentToUser(userName, message);
	}

	private Receiver receiver() {
		Receiver receiver = this.receiver;
		Assert.state(receiver != null, "No receiver attached");
		return receiver;
	}

}
