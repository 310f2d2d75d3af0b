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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The type checks of the envelope, decided by the node's exact class first, as Jackson's
 * tree reader makes them: {@code isString()} and the like go through
 * {@code getNodeType()} or another virtual call, which every other use of the tree in an
 * application makes megamorphic. A node of any other class (a subclass, another kind)
 * gets the general check, so the answer is the same for every node.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class NodeTypes {

	private NodeTypes() {
	}

	static boolean isObject(JsonNode node) {
		return node.getClass() == ObjectNode.class || node.isObject();
	}

	static boolean isString(JsonNode node) {
		return node.getClass() == StringNode.class || node.isString();
	}

	static boolean isContainer(JsonNode node) {
		Class<?> type = node.getClass();
		return type == ArrayNode.class || type == ObjectNode.class || node.isContainer();
	}

	static boolean isInt(JsonNode node) {
		return node.getClass() == IntNode.class || node.isInt();
	}

	// a string, a number or null: what a JSON-RPC id may be
	static boolean isIdValue(JsonNode node) {
		Class<?> type = node.getClass();
		return type == IntNode.class || type == StringNode.class || node.isString() || node.isNumber() || node.isNull();
	}

}
