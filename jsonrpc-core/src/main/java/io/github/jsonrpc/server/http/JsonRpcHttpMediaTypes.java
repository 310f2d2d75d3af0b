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
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

/**
 * The media type rules of every JSON-RPC HTTP endpoint, whatever the web stack: requests
 * must be {@code application/json} (compared as a parsed media type, with no charset or
 * UTF-8), and a single call streams when the {@code Accept} header asks for one of the
 * {@link JsonRpcHttpStreamFormat stream formats}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcHttpMediaTypes {

	/** Value of the {@code Accept-Post} header of a {@code 415} answer. */
	public static final String ACCEPT_POST = MediaType.APPLICATION_JSON_VALUE;

	// the last Content-Type value other than "application/json" found to be JSON, e.g.
	// "application/json;charset=UTF-8"; racy by design (a String is safely published)
	private static @Nullable String lastJson;

	private JsonRpcHttpMediaTypes() {
	}

	/**
	 * Return whether a {@code Content-Type} header is {@code application/json}, compared
	 * as a parsed media type, with no charset or UTF-8.
	 * @param contentType the header value, {@code null} when absent
	 * @return {@code true} if it is; {@code false} also when it cannot be parsed
	 */
	public static boolean isJson(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		if (contentType.equalsIgnoreCase(MediaType.APPLICATION_JSON_VALUE) || contentType.equals(lastJson)) {
			// what nearly every client sends, again and again: no parsing, no trip
			// through
			// Spring's shared media type cache (a contended ConcurrentLruCache, and a new
			// MediaType per call) on every request
			return true;
		}
		boolean json;
		try {
			json = isJson(MediaType.parseMediaType(contentType));
		}
		catch (RuntimeException ex) {
			// unparsable
			return false;
		}
		if (json) {
			// the answer depends on the text only; one slot, so that clients sending any
			// number of different values cannot grow it
			lastJson = contentType;
		}
		return json;
	}

	/**
	 * Return whether a parsed {@code Content-Type} is {@code application/json} with no
	 * charset or UTF-8.
	 * @param contentType the media type, {@code null} when absent
	 * @return {@code true} if it is; {@code false} also for an unknown charset
	 */
	public static boolean isJson(@Nullable MediaType contentType) {
		if (contentType == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(contentType)) {
			return false;
		}
		try {
			Charset charset = contentType.getCharset();
			return charset == null || StandardCharsets.UTF_8.equals(charset);
		}
		catch (RuntimeException ex) {
			// an unknown or illegal charset
			return false;
		}
	}

	/**
	 * Return the stream format the client accepts, the first one listed wins.
	 * @param accepted the media types of the {@code Accept} header
	 * @return the format, or {@code null} when the client accepts none (the reply is
	 * plain JSON)
	 */
	public static @Nullable JsonRpcHttpStreamFormat streamFormat(List<MediaType> accepted) {
		for (MediaType type : accepted) {
			for (JsonRpcHttpStreamFormat format : JsonRpcHttpStreamFormat.values()) {
				if (format.mediaType().equalsTypeAndSubtype(type)) {
					return format;
				}
			}
		}
		return null;
	}

}
