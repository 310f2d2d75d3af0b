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

import io.github.jsonrpc.observation.JsonRpcObservationDocumentation.HighCardinalityKeyNames;
import io.github.jsonrpc.observation.JsonRpcObservationDocumentation.LowCardinalityKeyNames;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.micrometer.common.KeyValues;

/**
 * Default {@link JsonRpcObservationConvention}: observation {@code jsonrpc.server.calls},
 * tagged with the method (registered names only), outcome, error code, transport and
 * kind; the request id is a high-cardinality key.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public class DefaultJsonRpcObservationConvention implements JsonRpcObservationConvention {

	/** Name of the observation. */
	public static final String NAME = "jsonrpc.server.calls";

	private static final String UNKNOWN = "unknown";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(JsonRpcObservationContext context) {
		return "jsonrpc " + method(context);
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(JsonRpcObservationContext context) {
		JsonRpcResponse response = context.getResponse();
		String errorCode = (response instanceof JsonRpcResponse.Failure failure)
				? String.valueOf(failure.error().code()) : "none";
		String outcome = (response instanceof JsonRpcResponse.Success) ? "SUCCESS" : "ERROR";
		return KeyValues.of(LowCardinalityKeyNames.METHOD.withValue(method(context)),
				LowCardinalityKeyNames.OUTCOME.withValue(outcome),
				LowCardinalityKeyNames.ERROR_CODE.withValue(errorCode),
				LowCardinalityKeyNames.TRANSPORT.withValue(context.getExchange().context().transport().name()),
				LowCardinalityKeyNames.KIND
					.withValue(context.getExchange().request().isNotification() ? "notification" : "call"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(JsonRpcObservationContext context) {
		JsonRpcId id = context.getExchange().id();
		return KeyValues.of(HighCardinalityKeyNames.REQUEST_ID.withValue((id != null) ? id.toString() : "none"));
	}

	private static String method(JsonRpcObservationContext context) {
		return context.isKnownMethod() ? context.getExchange().method() : UNKNOWN;
	}

}
