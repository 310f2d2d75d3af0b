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
package io.github.jsonrpc.protocol;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.StringNode;
import tools.jackson.databind.ser.jackson.JacksonSerializableSerializer;
import tools.jackson.databind.ser.jdk.BooleanSerializer;
import tools.jackson.databind.ser.jdk.NumberSerializers;
import tools.jackson.databind.ser.jdk.StringSerializer;

/**
 * Which plain values are written straight to the generator rather than through the
 * mapper: an {@code Integer}, {@code Long}, {@code String} or {@code Boolean} result and
 * an integer or string id, each only when the mapper's serializer for it is Jackson's
 * standard one, which writes exactly that. The mapper looks the serializer up by class on
 * every value (3 to 5 % of a small call's CPU in a profile of the benchmarks); a custom
 * serializer, a shape override or default typing is always asked.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class DirectWrites {

	private final boolean integers;

	private final boolean longs;

	private final boolean strings;

	private final boolean booleans;

	private final boolean ids;

	private DirectWrites(boolean integers, boolean longs, boolean strings, boolean booleans, boolean ids) {
		this.integers = integers;
		this.longs = longs;
		this.strings = strings;
		this.booleans = booleans;
		this.ids = ids;
	}

	static DirectWrites of(JsonMapper mapper) {
		SerializationContext context = mapper._serializationContext();
		return new DirectWrites(isStandard(context, Integer.class, NumberSerializers.IntegerSerializer.class),
				isStandard(context, Long.class, NumberSerializers.LongSerializer.class),
				isStandard(context, String.class, StringSerializer.class),
				isStandard(context, Boolean.class, BooleanSerializer.class),
				isStandard(context, IntNode.class, JacksonSerializableSerializer.class)
						&& isStandard(context, LongNode.class, JacksonSerializableSerializer.class)
						&& isStandard(context, StringNode.class, JacksonSerializableSerializer.class));
	}

	private static boolean isStandard(SerializationContext context, Class<?> type, Class<?> standard) {
		try {
			return context.findTypedValueSerializer(type, true).getClass() == standard;
		}
		catch (RuntimeException ex) {
			// the mapper will report it when a value comes
			return false;
		}
	}

	/**
	 * Write a plain value directly.
	 * @return {@code false} if the mapper must write it
	 */
	boolean write(JsonGenerator generator, @Nullable Object value) {
		if (value instanceof Integer number && this.integers) {
			generator.writeNumber(number.intValue());
			return true;
		}
		if (value instanceof String text && this.strings) {
			generator.writeString(text);
			return true;
		}
		if (value instanceof Long number && this.longs) {
			generator.writeNumber(number.longValue());
			return true;
		}
		if (value instanceof Boolean flag && this.booleans) {
			generator.writeBoolean(flag);
			return true;
		}
		return false;
	}

	/**
	 * Write an integer or string id directly, as its node would write itself.
	 * @return {@code false} if the mapper must write it
	 */
	boolean writeId(JsonGenerator generator, JsonNode id) {
		if (!this.ids) {
			return false;
		}
		if (id instanceof IntNode) {
			generator.writeNumber(id.intValue());
			return true;
		}
		if (id instanceof StringNode) {
			generator.writeString(id.stringValue());
			return true;
		}
		if (id instanceof LongNode) {
			generator.writeNumber(id.longValue());
			return true;
		}
		return false;
	}

}
