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
package io.github.jsonrpc.benchmarks.websocket;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.VirtualMachine;

/**
 * The CPU time and the bytes allocated by server JVMs over a window, read through the
 * attach API and JMX: figures per notification that a loaded machine does not distort as
 * it distorts wall-clock throughput. Bytes allocated by threads that end within the
 * window are not counted (Tomcat's workers and the Redis listener live on).
 */
final class ServerCost implements AutoCloseable {

	private final List<JMXConnector> connectors = new ArrayList<>();

	private final List<OperatingSystemMXBean> systems = new ArrayList<>();

	private final List<ThreadMXBean> threads = new ArrayList<>();

	private final List<MBeanServerConnection> servers = new ArrayList<>();

	private ServerCost() {
	}

	/**
	 * Attach to the server JVMs.
	 * @param pids their process ids
	 * @return the probe
	 */
	static ServerCost attach(List<Long> pids) throws Exception {
		ServerCost cost = new ServerCost();
		for (long pid : pids) {
			VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
			String address;
			try {
				address = vm.startLocalManagementAgent();
			}
			finally {
				vm.detach();
			}
			JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
			cost.connectors.add(connector);
			MBeanServerConnection server = connector.getMBeanServerConnection();
			cost.servers.add(server);
			cost.systems.add(ManagementFactory.newPlatformMXBeanProxy(server,
					ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME, OperatingSystemMXBean.class));
			cost.threads.add(ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.THREAD_MXBEAN_NAME,
					ThreadMXBean.class));
		}
		return cost;
	}

	/**
	 * Read the CPU time and the bytes allocated so far, summed over the servers.
	 * @return the sample
	 */
	Sample sample() {
		long cpu = 0;
		long allocated = 0;
		for (int i = 0; i < this.systems.size(); i++) {
			cpu += this.systems.get(i).getProcessCpuTime();
			ThreadMXBean threads = this.threads.get(i);
			for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
				allocated += Math.max(0, bytes);
			}
		}
		return new Sample(cpu, allocated);
	}

	/**
	 * Start a flight recording ({@code settings=profile}) on each server, to be written
	 * by {@link #stopRecording()} to the file, suffixed with the server's index.
	 * @param file the file name
	 */
	void startRecording(String file) throws Exception {
		for (int i = 0; i < this.servers.size(); i++) {
			diagnosticCommand(i, "jfrStart", "name=fan-out", "settings=profile",
					"filename=" + file.replace(".jfr", "-" + i + ".jfr"));
		}
	}

	/**
	 * Stop the recordings started by {@link #startRecording(String)}, writing them.
	 */
	void stopRecording() throws Exception {
		for (int i = 0; i < this.servers.size(); i++) {
			diagnosticCommand(i, "jfrStop", "name=fan-out");
		}
	}

	private void diagnosticCommand(int server, String operation, String... arguments) throws Exception {
		this.servers.get(server)
			.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), operation, new Object[] { arguments },
					new String[] { String[].class.getName() });
	}

	@Override
	public void close() {
		for (JMXConnector connector : this.connectors) {
			try {
				connector.close();
			}
			catch (Exception ex) {
				// closing anyway
			}
		}
	}

	/**
	 * CPU nanoseconds and bytes allocated, summed over the servers.
	 *
	 * @param cpuNanos the CPU time of the processes
	 * @param allocatedBytes the bytes allocated by their live threads
	 */
	record Sample(long cpuNanos, long allocatedBytes) {

		Sample minus(Sample before) {
			return new Sample(this.cpuNanos - before.cpuNanos, this.allocatedBytes - before.allocatedBytes);
		}

	}

}
