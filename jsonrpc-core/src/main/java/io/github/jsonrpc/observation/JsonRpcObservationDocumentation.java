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

package io.github.jsonrpc.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documentation of the observations of JSON-RPC calls.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public enum JsonRpcObservationDocumentation implements ObservationDocumentation {

	/**
	 * A JSON-RPC call handled by the server, whatever its transport.
	 */
	SERVER_CALL {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultJsonRpcObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}
	};

	/**
	 * Low-cardinality keys.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The method name, or {@code unknown} for names that are not registered. */
		METHOD {
			@Override
			public String asString() {
				return "rpc.method";
			}
		},

		/** {@code SUCCESS} or {@code ERROR}. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** The JSON-RPC error code, or {@code none}. */
		ERROR_CODE {
			@Override
			public String asString() {
				return "rpc.jsonrpc.error_code";
			}
		},

		/**
		 * The transport's name: {@code HTTP}, {@code WEBSOCKET}, {@code TCP},
		 * {@code STDIO} or {@code IN_PROCESS}.
		 */
		TRANSPORT {
			@Override
			public String asString() {
				return "transport";
			}
		},

		/** {@code call} or {@code notification}. */
		KIND {
			@Override
			public String asString() {
				return "kind";
			}
		}

	}

	/**
	 * High-cardinality keys.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/** The request id. */
		REQUEST_ID {
			@Override
			public String asString() {
				return "rpc.jsonrpc.request_id";
			}
		}

	}

}
