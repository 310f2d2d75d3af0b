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
package io.github.jsonrpc.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end: malformed headers and bodies get 4xx and no stack traces, on a real server.
 *
 * @author JSON-RPC for Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class HttpHardeningTests {

	private static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@ParameterizedTest(name = "Content-Type {0}")
	@ValueSource(strings = { "*/*", "application/*", "text/plain; charset=application/json",
			"application/json; charset=UTF-16", "application/json;;;=", "no-slash" })
	void malformedOrWrongContentTypeOnTheEndpointIs415(String contentType, CapturedOutput output) throws Exception {
		HttpResponse<String> response = send("POST", "/jsonrpc", contentType, CALL);
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(output.getOut()).doesNotContain(" ERROR ", "Exception");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(textBlock = """
			GET,    /elsewhere
			GET,    /jsonrpc/more
			DELETE, /elsewhere
			""")
	void wildcardContentTypeOutsideTheEndpointIsNotTouched(String method, String path, CapturedOutput output)
			throws Exception {
		HttpResponse<String> response = send(method, path, "*/*", "");
		assertThat(response.statusCode()).isIn(403, 404);
		assertThat(output.getOut()).doesNotContain(" ERROR ", "Exception");
	}

	@Test
	void otherMethodsOnTheEndpointAre405() throws Exception {
		HttpResponse<String> response = send("PUT", "/jsonrpc", "application/json", CALL);
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
	}

	@Test
	void callsStillWork() throws Exception {
		HttpResponse<String> response = send("POST", "/jsonrpc", "application/json", CALL);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "UTF-16BE", "UTF-16LE", "UTF-32BE" })
	void utf16AndUtf32BodiesAreParseErrors(String charset) throws Exception {
		HttpResponse<String> response = sendBytes("application/json", CALL.getBytes(charset));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("-32700");
	}

	@Test
	void overlongUtf8IsAParseError() throws Exception {
		byte[] body = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"..\u0000\"],\"id\":1}"
			.getBytes(StandardCharsets.UTF_8);
		// replace the NUL by an overlong '/' (C0 AF)
		byte[] overlong = new byte[body.length + 1];
		int at = new String(body, StandardCharsets.ISO_8859_1).indexOf('\u0000');
		System.arraycopy(body, 0, overlong, 0, at);
		overlong[at] = (byte) 0xC0;
		overlong[at + 1] = (byte) 0xAF;
		System.arraycopy(body, at + 1, overlong, at + 2, body.length - at - 1);
		HttpResponse<String> response = sendBytes("application/json", overlong);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("-32700");
	}

	@ParameterizedTest(name = "Origin {0}")
	@ValueSource(strings = { "http://[bad", "not a url", "null", "http://", "https://evil.example" })
	void handshakeWithInvalidOrForeignOriginIs403(String origin, CapturedOutput output) throws IOException {
		assertThat(handshake(origin)).startsWith("HTTP/1.1 403");
		assertThat(output.getOut()).doesNotContain(" ERROR ", "Exception");
	}

	@ParameterizedTest(name = "Origin {0}")
	@ValueSource(strings = { "http://[bad", "not a url", "null" })
	void postWithInvalidOriginIsNoServerError(String origin, CapturedOutput output) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/jsonrpc"))
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json")
			.header("Origin", origin)
			.POST(HttpRequest.BodyPublishers.ofString(CALL))
			.build();
		int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		// no CORS configuration: the Origin plays no part in a same-origin API call
		assertThat(status).isIn(200, 403);
		assertThat(output.getOut()).doesNotContain(" ERROR ", "Exception");
	}

	@Test
	void handshakeWithoutOriginOrFromTheSameOriginIsAccepted() throws IOException {
		assertThat(handshake(null)).startsWith("HTTP/1.1 101");
		assertThat(handshake("http://localhost:" + this.port)).startsWith("HTTP/1.1 101");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "test.overflow", "test.outOfMemory" })
	void jvmErrorFailsTheRequestAndTheServerGoesOn(String method) throws Exception {
		HttpResponse<String> response = send("POST", "/jsonrpc", "application/json",
				"{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":1}");
		// never a -32603 that pretends the call failed on its own
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).doesNotContain("-32603", "\"jsonrpc\":\"2.0\"");
		assertThat(send("POST", "/jsonrpc", "application/json", CALL).body())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}");
	}

	private String handshake(String origin) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(5000);
			String request = "GET /jsonrpc HTTP/1.1\r\nHost: localhost:" + this.port
					+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
					+ "Sec-WebSocket-Version: 13\r\n" + ((origin != null) ? "Origin: " + origin + "\r\n" : "") + "\r\n";
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = in.read()) != -1 && c != '\r') {
				line.append((char) c);
			}
			return line.toString();
		}
	}

	private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FatalServiceConfiguration {

		@Bean
		FatalService fatalService() {
			return new FatalService();
		}

	}

	@JsonRpcService("test")
	static class FatalService {

		public int overflow() {
			throw new StackOverflowError();
		}

		public int outOfMemory() {
			throw new OutOfMemoryError("test");
		}

	}

	private HttpResponse<String> sendBytes(String contentType, byte[] body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/jsonrpc"))
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
