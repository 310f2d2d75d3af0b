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

package io.github.jsonrpc.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * A scheduler for the auto-configuration tests that records the periods of the fixed-rate
 * tasks it is given (the keep-alive of the WebSocket transports) and runs them as
 * {@link ThreadPoolTaskScheduler} does.
 *
 * @author JSON-RPC for Spring Boot team
 */
public final class RecordingTaskScheduler extends ThreadPoolTaskScheduler {

	private final List<Duration> fixedRates = new CopyOnWriteArrayList<>();

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
		this.fixedRates.add(period);
		return super.scheduleAtFixedRate(task, period);
	}

	/**
	 * Return the periods of the fixed-rate tasks scheduled so far.
	 * @return the periods, in the order scheduled
	 */
	public List<Duration> fixedRates() {
		return List.copyOf(this.fixedRates);
	}

}
