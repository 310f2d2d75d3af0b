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
package io.github.jsonrpc.server.tcp;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import org.jspecify.annotations.Nullable;

/**
 * Strategy to authenticate a connection when it opens, before any message is read: TCP
 * has no HTTP handshake to carry credentials. Either returns the connection's principal
 * (what {@link io.github.jsonrpc.server.JsonRpcSession#principal()} and method security
 * see until an {@code rpc.login}), {@code null} to accept it as anonymous, or throws to
 * refuse it (the connection is closed without a word).
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 * @see #clientCertificate()
 */
@FunctionalInterface
public interface JsonRpcConnectionAuthenticator {

	/**
	 * Authenticate a new connection.
	 * @param connection what is known about the connection
	 * @return the principal, {@code null} for an anonymous connection
	 * @throws RuntimeException to refuse the connection
	 */
	@Nullable Principal authenticate(Handshake connection);

	/**
	 * Return an authenticator for mutual TLS: the principal is the subject of the
	 * client's verified certificate; a connection without one is refused. The TLS
	 * configuration must require (or request) client certificates and trust their
	 * issuers.
	 * @return the authenticator
	 */
	static JsonRpcConnectionAuthenticator clientCertificate() {
		return (connection) -> {
			SSLSession session = connection.sslSession();
			if (session == null) {
				throw new IllegalStateException("Connection from " + connection.remoteAddress() + " is not TLS");
			}
			try {
				Certificate[] chain = session.getPeerCertificates();
				if (chain.length > 0 && chain[0] instanceof X509Certificate certificate) {
					return certificate.getSubjectX500Principal();
				}
			}
			catch (SSLPeerUnverifiedException ex) {
				// no certificate: refused below
			}
			throw new IllegalStateException("No client certificate from " + connection.remoteAddress());
		};
	}

	/**
	 * What is known about a connection when it opens.
	 *
	 * @param remoteAddress the address of the peer, {@code null} if unknown
	 * @param sslSession the TLS session (handshake complete), {@code null} without TLS
	 */
	record Handshake(@Nullable InetSocketAddress remoteAddress, @Nullable SSLSession sslSession) {
	}

}
