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
package io.github.jsonrpc.pubsub.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;

import org.springframework.util.Assert;

/**
 * What one instance sends the others on the channel: the kind, the sending instance, its
 * sequence number, a topic or user name, and the encoded JSON-RPC notification,
 * unchanged. Layout: one kind byte, the origin as 8 bytes, the sequence as 8 bytes, the
 * name's length as 2 bytes and its UTF-8 bytes, then the notification's bytes.
 *
 * @param kind what to do with the notification
 * @param origin the id of the sending instance, to skip its own publications
 * @param sequence the place of the frame among those of its origin, increasing in the
 * order they were handed to Redis; a receiver drops a frame that is not newer than the
 * last one it delivered from that origin (what a reconnecting client replays out of
 * order), so frames of one origin are delivered in order, at most once
 * @param name the topic or the user name
 * @param message the encoded notification
 */
record RedisJsonRpcPubSubFrame(Kind kind, long origin, long sequence, String name, JsonRpcEncodedMessage message) {

	private static final int HEADER_SIZE = 1 + Long.BYTES + Long.BYTES + Short.BYTES;

	private static final int MAX_NAME_SIZE = 0xFFFF;

	RedisJsonRpcPubSubFrame {
		Assert.notNull(kind, "Kind is required");
		Assert.hasText(name, "Name is required");
		Assert.notNull(message, "Message is required");
	}

	/**
	 * Return the frame as bytes.
	 * @return the bytes
	 * @throws IllegalArgumentException if the name is longer than 65,535 UTF-8 bytes
	 */
	byte[] encode() {
		byte[] nameBytes = this.name.getBytes(StandardCharsets.UTF_8);
		Assert.isTrue(nameBytes.length <= MAX_NAME_SIZE, "Name longer than 65535 bytes");
		ByteBuffer buffer = ByteBuffer.allocate(HEADER_SIZE + nameBytes.length + this.message.size());
		buffer.put(this.kind.code).putLong(this.origin).putLong(this.sequence).putShort((short) nameBytes.length);
		buffer.put(nameBytes);
		this.message.writeTo(buffer);
		return buffer.array();
	}

	/**
	 * Read a frame.
	 * @param bytes what was received
	 * @return the frame, or {@code null} if the bytes are not a frame
	 */
	static @Nullable RedisJsonRpcPubSubFrame decode(byte[] bytes) {
		if (bytes.length <= HEADER_SIZE) {
			return null;
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		Kind kind = Kind.of(buffer.get());
		long origin = buffer.getLong();
		long sequence = buffer.getLong();
		int nameSize = Short.toUnsignedInt(buffer.getShort());
		if (kind == null || nameSize == 0 || buffer.remaining() <= nameSize) {
			return null;
		}
		String name = new String(bytes, HEADER_SIZE, nameSize, StandardCharsets.UTF_8);
		// the notification's bytes copied once, out of the received array
		JsonRpcEncodedMessage message = JsonRpcEncodedMessage.wrap(bytes, HEADER_SIZE + nameSize,
				buffer.remaining() - nameSize);
		return new RedisJsonRpcPubSubFrame(kind, origin, sequence, name, message);
	}

	/**
	 * What the receiving instances do with a frame.
	 */
	enum Kind {

		/** Deliver to the subscribers of the topic. */
		PUBLISH('P'),

		/** Deliver to the subscribers of the topic and retain it as its last value. */
		PUBLISH_RETAINED('R'),

		/** Deliver to the sessions of the user. */
		USER('U');

		private final byte code;

		Kind(char code) {
			this.code = (byte) code;
		}

		static @Nullable Kind of(byte code) {
			for (Kind kind : values()) {
				if (kind.code == code) {
					return kind;
				}
			}
			return null;
		}

	}

}
