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
package io.github.jsonrpc.benchmarks;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor the handler is measured against: what a hand-written Jackson endpoint for the
 * same service would do. Read the tree, switch on the method name, pull the params, call
 * the service directly, write the response with a {@link JsonGenerator}. It does no
 * validation and no error handling.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JacksonFloor {

	private static final byte[] NO_CONTENT = new byte[0];

	private final JsonMapper mapper;

	private final ObjectReader payloadReader;

	private final CalculatorService service;

	/**
	 * Create a floor calling the given service.
	 * @param mapper the mapper to read and write with
	 * @param service the service
	 */
	public JacksonFloor(JsonMapper mapper, CalculatorService service) {
		this.mapper = mapper;
		this.payloadReader = mapper.readerFor(new TypeReference<Map<String, Object>>() {
		});
		this.service = service;
	}

	/**
	 * Handle a single call or notification.
	 * @param input the UTF-8 encoded request object
	 * @return the UTF-8 encoded response, empty for a notification
	 */
	public byte[] handle(byte[] input) {
		JsonNode request = this.mapper.readTree(input);
		JsonNode id = request.get("id");
		Object result = call(request);
		if (id == null) {
			return NO_CONTENT;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(128);
		try (JsonGenerator generator = this.mapper.createGenerator(out)) {
			write(generator, result, id);
		}
		return out.toByteArray();
	}

	/**
	 * Handle a batch of calls.
	 * @param input the UTF-8 encoded request array
	 * @return the UTF-8 encoded response array
	 */
	public byte[] handleBatch(byte[] input) {
		JsonNode batch = this.mapper.readTree(input);
		ByteArrayOutputStream out = new ByteArrayOutputStream(128 * batch.size());
		try (JsonGenerator generator = this.mapper.createGenerator(out)) {
			generator.writeStartArray();
			for (JsonNode request : batch) {
				write(generator, call(request), request.get("id"));
			}
			generator.writeEndArray();
		}
		return out.toByteArray();
	}

	private Object call(JsonNode request) {
		JsonNode params = request.get("params");
		return switch (request.get("method").stringValue()) {
			case "subtract" ->
				params.isArray() ? this.service.subtract(params.get(0).intValue(), params.get(1).intValue())
						: this.service.subtract(params.get("minuend").intValue(), params.get("subtrahend").intValue());
			case "echo" -> this.service.echo(this.payloadReader.readValue(params.get(0)));
			case "record" -> {
				this.service.record(params.get(0).stringValue());
				yield NO_CONTENT;
			}
			default -> throw new IllegalArgumentException("Unknown method");
		};
	}

	private static void write(JsonGenerator generator, Object result, JsonNode id) {
		generator.writeStartObject();
		generator.writeStringProperty("jsonrpc", "2.0");
		generator.writeName("result");
		if (result instanceof Integer number) {
			generator.writeNumber(number);
		}
		else {
			generator.writePOJO(result);
		}
		generator.writeName("id");
		generator.writeTree(id);
		generator.writeEndObject();
	}

}
