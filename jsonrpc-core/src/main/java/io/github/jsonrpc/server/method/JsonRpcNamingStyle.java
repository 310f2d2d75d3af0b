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
package io.github.jsonrpc.server.method;

import java.util.Locale;

/**
 * How names derived from Java (method and parameter names) are exposed. Names given
 * explicitly in annotations are used as written.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public enum JsonRpcNamingStyle {

	/** Java names as declared: {@code getData}, {@code firstName}. */
	AS_DECLARED {
		@Override
		public String apply(String name) {
			return name;
		}
	},

	/** Snake case: {@code getData} becomes {@code get_data}. */
	SNAKE_CASE {
		@Override
		public String apply(String name) {
			StringBuilder result = new StringBuilder(name.length() + 4);
			for (int i = 0; i < name.length(); i++) {
				char c = name.charAt(i);
				if (Character.isUpperCase(c)) {
					if (i > 0 && name.charAt(i - 1) != '_') {
						result.append('_');
					}
					result.append(Character.toLowerCase(c));
				}
				else {
					result.append(c);
				}
			}
			return result.toString();
		}
	},

	/** Camel case: {@code get_data} becomes {@code getData}. */
	CAMEL_CASE {
		@Override
		public String apply(String name) {
			StringBuilder result = new StringBuilder(name.length());
			boolean upper = false;
			for (int i = 0; i < name.length(); i++) {
				char c = name.charAt(i);
				if (c == '_' && i > 0) {
					upper = true;
				}
				else {
					result.append(upper ? Character.toUpperCase(c) : c);
					upper = false;
				}
			}
			String camel = result.toString();
			return camel.isEmpty() ? camel : camel.substring(0, 1).toLowerCase(Locale.ROOT) + camel.substring(1);
		}
	};

	/**
	 * Apply this style to a Java name.
	 * @param name the Java name
	 * @return the exposed name
	 */
	public abstract String apply(String name);

}
