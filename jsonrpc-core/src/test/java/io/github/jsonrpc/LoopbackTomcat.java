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

package io.github.jsonrpc;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

import org.springframework.util.FileSystemUtils;

/**
 * A real embedded Tomcat on a random port of the loopback interface with one WebSocket
 * endpoint at {@link #PATH}, whose instances and handshake a
 * {@link ServerEndpointConfig.Configurator} decides. Its base directory is a new
 * temporary directory, deleted when it closes. The tests of the client and of the
 * server's WebSocket transport each wrap it in their own fixture.
 *
 * @author JSON-RPC for Spring Boot team
 */
public final class LoopbackTomcat implements AutoCloseable {

	/** The path of the WebSocket endpoint. */
	public static final String PATH = "/ws";

	private final Tomcat tomcat;

	private final Path baseDir;

	private final int port;

	private LoopbackTomcat(Tomcat tomcat, Path baseDir, int port) {
		this.tomcat = tomcat;
		this.baseDir = baseDir;
		this.port = port;
	}

	/**
	 * Start a server whose endpoint is configured by a configurator: at least
	 * {@link ServerEndpointConfig.Configurator#getEndpointInstance(Class)}, which returns
	 * a {@link Endpoint} for each connection.
	 * @param configurator the endpoint's configurator
	 * @return the started server
	 * @throws Exception if Tomcat does not start
	 */
	public static LoopbackTomcat start(ServerEndpointConfig.Configurator configurator) throws Exception {
		Path baseDir = Files.createTempDirectory("tomcat-ws");
		Tomcat tomcat = new Tomcat();
		tomcat.setBaseDir(baseDir.toString());
		Connector connector = new Connector();
		connector.setPort(0);
		connector.setProperty("address", "127.0.0.1");
		tomcat.setConnector(connector);
		Context context = tomcat.addContext("", null);
		Tomcat.addServlet(context, "default", new HttpServlet() {
		});
		context.addServletMappingDecoded("/", "default");
		context.addServletContainerInitializer(new WsSci(), null);
		context.addServletContainerInitializer((classes, servletContext) -> {
			ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
			try {
				container.addEndpoint(
						ServerEndpointConfig.Builder.create(Endpoint.class, PATH).configurator(configurator).build());
			}
			catch (DeploymentException ex) {
				throw new IllegalStateException(ex);
			}
		}, null);
		try {
			tomcat.start();
		}
		catch (LifecycleException | RuntimeException ex) {
			try {
				stop(tomcat, baseDir);
			}
			catch (LifecycleException | IOException | RuntimeException stopFailure) {
				// the failure to start is the one to report
				ex.addSuppressed(stopFailure);
			}
			throw ex;
		}
		return new LoopbackTomcat(tomcat, baseDir, connector.getLocalPort());
	}

	/**
	 * Return the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Return the server's base directory, deleted on {@link #close()}.
	 * @return the directory
	 */
	Path baseDir() {
		return this.baseDir;
	}

	/**
	 * Return the WebSocket URI of a path of the server.
	 * @param path the path, starting with a slash
	 * @return {@code ws://127.0.0.1:<port><path>}
	 */
	public URI uri(String path) {
		return URI.create("ws://127.0.0.1:" + this.port + path);
	}

	/**
	 * Stop the server and delete its base directory.
	 * @throws LifecycleException if Tomcat does not stop
	 * @throws IOException if the base directory cannot be deleted
	 */
	@Override
	public void close() throws LifecycleException, IOException {
		stop(this.tomcat, this.baseDir);
	}

	private static void stop(Tomcat tomcat, Path baseDir) throws LifecycleException, IOException {
		try {
			tomcat.stop();
			tomcat.destroy();
		}
		finally {
			// also when Tomcat does not stop: no directory per test run left behind
			FileSystemUtils.deleteRecursively(baseDir);
		}
	}

}
