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
package io.github.jsonrpc.server.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcHttpMediaTypes}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcHttpMediaTypesTests {

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "APPLICATION/JSON", "application/json;charset=UTF-8",
			"application/json; charset=utf-8", "Application/Json;Charset=\"UTF-8\"" })
	void jsonWithoutCharsetOrWithUtf8IsJson(String contentType) {
		assertThat(JsonRpcHttpMediaTypes.isJson(contentType)).isTrue();
		// asked again, the answer stays the same (the last JSON value is remembered)
		assertThat(JsonRpcHttpMediaTypes.isJson(contentType)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/xml", "application/json-patch+json",
			"application/json;charset=ISO-8859-1", "application/json;charset=x-no-such-charset",
			"application/json;charset=", "not a media type", "", "application/*", "*/*" })
	void otherContentTypesAreNotJson(String contentType) {
		assertThat(JsonRpcHttpMediaTypes.isJson(contentType)).isFalse();
		// asked again: a value found not to be JSON is never remembered as JSON
		assertThat(JsonRpcHttpMediaTypes.isJson(contentType)).isFalse();
	}

	@Test
	void aRememberedJsonValueDoesNotMakeOtherValuesJson() {
		assertThat(JsonRpcHttpMediaTypes.isJson("application/json;charset=utf-8")).isTrue();
		assertThat(JsonRpcHttpMediaTypes.isJson("text/plain;charset=utf-8")).isFalse();
		assertThat(JsonRpcHttpMediaTypes.isJson("application/json;charset=utf-16")).isFalse();
		assertThat(JsonRpcHttpMediaTypes.isJson("application/json;charset=utf-8")).isTrue();
	}

	@Test
	void missingContentTypeIsNotJson() {
		assertThat(JsonRpcHttpMediaTypes.isJson((String) null)).isFalse();
		assertThat(JsonRpcHttpMediaTypes.isJson((MediaType) null)).isFalse();
	}

	@Test
	void parsedContentTypeIsJsonWithoutCharsetOrWithUtf8Only() {
		assertThat(JsonRpcHttpMediaTypes.isJson(MediaType.APPLICATION_JSON)).isTrue();
		assertThat(JsonRpcHttpMediaTypes.isJson(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8)))
			.isTrue();
		assertThat(JsonRpcHttpMediaTypes.isJson(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.ISO_8859_1)))
			.isFalse();
		assertThat(JsonRpcHttpMediaTypes.isJson(MediaType.TEXT_PLAIN)).isFalse();
		assertThat(JsonRpcHttpMediaTypes.isJson(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))).isFalse();
	}

	@Test
	void parsedContentTypeWhoseCharsetCannotBeResolvedIsNotJson() {
		// Spring 7 resolves the charset when parsing; a media type that resolves it when
		// asked (as Spring did before) may fail then
		MediaType lazy = new MediaType(MediaType.APPLICATION_JSON, Map.of("charset", "UTF-8")) {

			@Override
			public Charset getCharset() {
				throw new UnsupportedCharsetException("x-no-such-charset");
			}

		};
		assertThat(JsonRpcHttpMediaTypes.isJson(lazy)).isFalse();
	}

	@Test
	void acceptAnswersTheFirstStreamFormatListed() {
		assertThat(JsonRpcHttpMediaTypes.streamFormat(List.of(MediaType.APPLICATION_NDJSON)))
			.isEqualTo(JsonRpcHttpStreamFormat.NDJSON);
		assertThat(JsonRpcHttpMediaTypes.streamFormat(List.of(MediaType.TEXT_EVENT_STREAM)))
			.isEqualTo(JsonRpcHttpStreamFormat.SERVER_SENT_EVENTS);
		assertThat(JsonRpcHttpMediaTypes.streamFormat(
				List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_NDJSON)))
			.isEqualTo(JsonRpcHttpStreamFormat.SERVER_SENT_EVENTS);
		assertThat(JsonRpcHttpMediaTypes
			.streamFormat(List.of(MediaType.parseMediaType("application/x-ndjson;q=0.5"), MediaType.TEXT_EVENT_STREAM)))
			.isEqualTo(JsonRpcHttpStreamFormat.NDJSON);
	}

	@Test
	void acceptWithoutStreamFormatAnswersNone() {
		assertThat(JsonRpcHttpMediaTypes.streamFormat(List.of())).isNull();
		assertThat(JsonRpcHttpMediaTypes.streamFormat(List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN)))
			.isNull();
	}

	@Test
	void acceptPostNamesJson() {
		assertThat(JsonRpcHttpMediaTypes.ACCEPT_POST).isEqualTo("application/json");
	}

}
