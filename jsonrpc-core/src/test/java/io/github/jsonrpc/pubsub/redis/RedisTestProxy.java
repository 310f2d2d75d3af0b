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
import java.util.HashSet;
import java.util.Set;

import org.springframework.util.Assert;

/**
 * A TCP proxy to the test Redis server on 127.0.0.1 that a test can cut and restore, to
 * take Redis away from one application without touching the server other tests share:
 * {@link #cut()} closes every proxied connection and resets new ones (Redis went away),
 * {@link #pause()} keeps the connections open but forwards nothing until
 * {@link #resume()} (Redis hangs). Each direction of a proxied connection is pumped by a
 * thread of its own; the proxy holds no other resource. The port stays bound until
 * {@link #close()}, so that no other process can take it while the proxy is cut.
 */
public final class RedisTestProxy implements AutoCloseable {

	// the open sockets and the state, guarded by this
	private final Set<Socket> sockets = new HashSet<>();

	private final int port;

	private final ServerSocket server;

	private boolean cut;

	private boolean paused;

	private int accepted;

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
	 * Close every proxied connection and reset new ones as soon as they are accepted, as
	 * a Redis server that went away would (the port stays bound, for {@link #restore()}).
	 */
	public synchronized void cut() {
		this.cut = true;
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
		this.sockets.clear();
		this.paused = false;
		notifyAll();
	}

	/**
	 * Proxy connections again, on the same port, which stayed bound.
	 */
	public synchronized void restore() {
		Assert.state(this.cut && !this.server.isClosed(), "Not cut");
		this.cut = false;
	}

	/**
	 * Keep every connection open but forward nothing, either way, as a Redis server that
	 * hangs; new connections are accepted and stalled too.
	 */
	public synchronized void pause() {
		this.paused = true;
	}

	/**
	 * Forward again what was held back by {@link #pause()}, in order.
	 */
	public synchronized void resume() {
		this.paused = false;
		notifyAll();
	}

	/**
	 * Return the number of proxied connections open now.
	 * @return the client connections open through the proxy
	 */
	public synchronized int openConnections() {
		// each proxied connection is a client socket and its upstream socket
		return this.sockets.size() / 2;
	}

	/**
	 * Return the number of connections accepted since the proxy started.
	 * @return the connections accepted
	 */
	public synchronized int acceptedConnections() {
		return this.accepted;
	}

	@Override
	public void close() {
		cut();
		closeQuietly(this.server);
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
					if (isCut()) {
						reset(client);
						continue;
					}
					Socket upstream = new Socket(RedisCondition.HOST, RedisCondition.PORT);
					if (!register(client, upstream)) {
						// cut while connecting: reset as the connections before it
						reset(client);
						closeQuietly(upstream);
						continue;
					}
					daemon("redis-proxy-up", () -> pump(client, upstream));
					daemon("redis-proxy-down", () -> pump(upstream, client));
				}
				catch (IOException ex) {
					// closed by close()
				}
			}
		});
	}

	private synchronized boolean isCut() {
		return this.cut;
	}

	private synchronized boolean register(Socket client, Socket upstream) {
		if (this.cut) {
			return false;
		}
		this.sockets.add(client);
		this.sockets.add(upstream);
		this.accepted++;
		return true;
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream input = from.getInputStream(); OutputStream output = to.getOutputStream()) {
			int read;
			while ((read = input.read(buffer)) >= 0) {
				awaitForwarding(from);
				output.write(buffer, 0, read);
				output.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// either side closed
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			synchronized (this) {
				this.sockets.remove(from);
				this.sockets.remove(to);
			}
		}
	}

	private synchronized void awaitForwarding(Socket from) throws InterruptedException, IOException {
		while (this.paused && !from.isClosed()) {
			wait();
		}
		if (from.isClosed()) {
			throw new IOException("Cut");
		}
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void reset(Socket socket) {
		try {
			// a reset rather than an orderly close: the client sees the connection fail
			socket.setSoLinger(true, 0);
		}
		catch (IOException ex) {
			// closed already
		}
		closeQuietly(socket);
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
