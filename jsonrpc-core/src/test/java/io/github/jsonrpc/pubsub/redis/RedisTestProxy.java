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
package io.github.jsonrpc.pubsub.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy to the test Redis server on 127.0.0.1 that a test can cut and restore, to
 * take Redis away from one application without touching the server other tests share.
 */
public final class RedisTestProxy implements AutoCloseable {

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final int port;

	private volatile ServerSocket server;

	private RedisTestProxy(ServerSocket server) {
		this.server = server;
		this.port = server.getLocalPort();
		accept(server);
	}

	/**
	 * Start a proxy on a free port of 127.0.0.1.
	 * @return the proxy
	 * @throws IOException if no port can be bound
	 */
	public static RedisTestProxy start() throws IOException {
		return new RedisTestProxy(bind(0));
	}

	/**
	 * Return the port the proxy listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Close every proxied connection and refuse new ones, as a Redis server that went
	 * away would.
	 */
	public synchronized void cut() {
		closeQuietly(this.server);
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
		this.sockets.clear();
	}

	/**
	 * Accept connections again, on the same port.
	 * @throws IOException if the port cannot be bound again
	 */
	public synchronized void restore() throws IOException {
		this.server = bind(this.port);
		accept(this.server);
	}

	@Override
	public void close() {
		cut();
	}

	private static ServerSocket bind(int port) throws IOException {
		ServerSocket server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		return server;
	}

	private void accept(ServerSocket server) {
		daemon("redis-proxy-accept", () -> {
			while (!server.isClosed()) {
				try {
					Socket client = server.accept();
					Socket upstream = new Socket(RedisCondition.HOST, RedisCondition.PORT);
					this.sockets.add(client);
					this.sockets.add(upstream);
					daemon("redis-proxy-up", () -> pump(client, upstream));
					daemon("redis-proxy-down", () -> pump(upstream, client));
				}
				catch (IOException ex) {
					// closed by cut()
				}
			}
		});
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream input = from.getInputStream(); OutputStream output = to.getOutputStream()) {
			int read;
			while ((read = input.read(buffer)) >= 0) {
				output.write(buffer, 0, read);
				output.flush();
			}
		}
		catch (IOException ex) {
			// either side closed
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			this.sockets.remove(from);
			this.sockets.remove(to);
		}
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
