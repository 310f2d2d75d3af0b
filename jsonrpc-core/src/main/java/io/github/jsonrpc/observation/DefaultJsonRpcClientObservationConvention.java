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

import io.github.jsonrpc.observation.JsonRpcClientObservationDocumentation.HighCardinalityKeyNames;
import io.github.jsonrpc.observation.JsonRpcClientObservationDocumentation.LowCardinalityKeyNames;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.micrometer.common.KeyValues;

/**
 * Default {@link JsonRpcClientObservationConvention}: the timer {@value #NAME}, tagged
 * with the method, outcome, error code, kind and whether the call was part of a batch.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public class DefaultJsonRpcClientObservationConvention implements JsonRpcClientObservationConvention {

	/** Name of the observation. */
	public static final String NAME = "jsonrpc.client.calls";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(JsonRpcClientObservationContext context) {
		return "jsonrpc " + context.getRequest().method();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(JsonRpcClientObservationContext context) {
		JsonRpcResponse response = context.getResponse();
		String errorCode = (response instanceof JsonRpcResponse.Failure failure)
				? String.valueOf(failure.error().code()) : "none";
		boolean notification = context.getRequest().isNotification();
		String outcome = (context.getError() == null
				&& (response instanceof JsonRpcResponse.Success || (notification && response == null))) ? "SUCCESS"
						: "ERROR";
		// method names are chosen by the application's code, not by remote input
		return KeyValues.of(LowCardinalityKeyNames.METHOD.withValue(context.getRequest().method()),
				LowCardinalityKeyNames.OUTCOME.withValue(outcome),
				LowCardinalityKeyNames.ERROR_CODE.withValue(errorCode),
				LowCardinalityKeyNames.KIND.withValue(notification ? "notification" : "call"),
				LowCardinalityKeyNames.BATCH.withValue(String.valueOf(context.isBatch())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(JsonRpcClientObservationContext context) {
		JsonRpcId id = context.getRequest().id();
		return KeyValues.of(HighCardinalityKeyNames.REQUEST_ID.withValue((id != null) ? id.toString() : "none"));
	}

}
