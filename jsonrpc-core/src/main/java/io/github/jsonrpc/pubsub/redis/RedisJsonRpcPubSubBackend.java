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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.protocol.JsonRpcLogText;
import io.github.jsonrpc.pubsub.JsonRpcPubSubBackend;
import io.github.jsonrpc.pubsub.redis.RedisJsonRpcPubSubFrame.Kind;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.Assert;
import org.springframework.util.backoff.FixedBackOff;

/**
 * {@link JsonRpcPubSubBackend} for several instances of an application sharing one Redis,
 * through the application's {@link RedisConnectionFactory} (Lettuce).
 *
 * <p>
 * A publication is delivered to this instance's subscribers at once, on the publishing
 * thread, then sent on one Redis channel, {@code <channel-prefix>:pubsub}, to the other
 * instances; each delivers it to its own subscribers, authorizing them there. A retained
 * value is also stored under {@code <channel-prefix>:retained:<topic>} (expiring after
 * the configured time to live), for instances that start or subscribe later, by a script
 * that stores and publishes it in one step unless a newer value of the same instance is
 * stored already, so that a replay out of order never makes it go back. The script is
 * sent in full ({@code EVAL}) with each retained publication: run by its SHA, a Redis
 * that lost it (a restart, a failover, {@code SCRIPT FLUSH}) would answer
 * {@code NOSCRIPT}, and the publication sent again would reach Redis behind later ones,
 * which other instances would then drop. A retained key remembers the last sequence of at
 * most 64 publishing instances, those that wrote it last. {@link #sendToUser
 * notifications to a user} travel the same way. Spring Data's
 * {@link RedisMessageListenerContainer} receives, on one thread, so that what one
 * instance publishes reaches the others in publish order; Lettuce reconnects and
 * resubscribes by itself after a connection loss.
 *
 * <p>
 * Redis publish/subscribe is at-most-once: an instance disconnected from Redis when a
 * message is published never gets it. Publishing never waits for Redis: once Redis has
 * left commands unanswered for the timeout, or a command failed, the backend stops
 * sending (logging a rate-limited warning) and delivers on the publishing instance only
 * until a {@code PING} answers again; what was handed to Lettuce before may still arrive
 * late, in order, or never. The bytes waiting for Redis are bounded, and messages larger
 * than the maximum size are neither sent nor accepted. Started while Redis does not
 * answer, the backend delivers on this instance only and tries to connect and subscribe
 * every timeout until it does.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class RedisJsonRpcPubSubBackend implements JsonRpcPubSubBackend, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(RedisJsonRpcPubSubBackend.class);

	// kind, origin, sequence, name length and the longest name
	private static final int MAX_FRAME_OVERHEAD = 1 + 8 + 8 + 2 + 0xFFFF;

	// origins whose last sequence is remembered: the instances publishing lately
	private static final int MAX_ORIGINS = 1024;

	// origins whose last sequence a retained key remembers: each instance start is a
	// new origin, so without a bound the fields of gone instances would pile up
	static final int MAX_RETAINED_ORIGINS = 64;

	private static final byte[] MAX_RETAINED_ORIGINS_ARGUMENT = Integer.toString(MAX_RETAINED_ORIGINS)
		.getBytes(StandardCharsets.US_ASCII);

	/**
	 * Stores a retained frame unless the key holds one of the same origin with a sequence
	 * at least as high (what Lettuce replays out of order after a reconnect), then
	 * publishes it: both or neither, atomically. KEYS[1] is the retained key, a hash of
	 * the last frame ({@code frame}), a write counter ({@code tick}) and, per origin, its
	 * last sequence and the tick of that write ({@code seq:<origin>} =
	 * {@code <sequence>:<tick>}); ARGV: that field, the sequence, the frame, the channel,
	 * the time to live in milliseconds ({@code 0}: none) and the most origins remembered:
	 * a new origin beyond those replaces the one that wrote least recently (found from
	 * the origins' fields only, {@code HKEYS} then {@code HMGET}: the frame, up to the
	 * maximum message size, is not read). Returns the number of receivers, or -1 for a
	 * stale frame. A key of another type (an older version's) is replaced.
	 */
	static final RedisScript<Long> RETAIN_AND_PUBLISH = RedisScript.of("""
			if redis.call('TYPE', KEYS[1]).ok ~= 'hash' then
			  redis.call('DEL', KEYS[1])
			end
			local last = redis.call('HGET', KEYS[1], ARGV[1])
			if last and tonumber(string.match(last, '^%d+')) >= tonumber(ARGV[2]) then
			  return -1
			end
			local tick = redis.call('HINCRBY', KEYS[1], 'tick', 1)
			if not last and redis.call('HLEN', KEYS[1]) >= 2 + tonumber(ARGV[6]) then
			  local origins = {}
			  for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
			    if string.sub(field, 1, 4) == 'seq:' then
			      origins[#origins + 1] = field
			    end
			  end
			  local oldest, oldestTick
			  if #origins > 0 then
			    local values = redis.call('HMGET', KEYS[1], unpack(origins))
			    for i = 1, #origins do
			      local written = tonumber(string.match(values[i] or '', ':(%d+)$')) or 0
			      if not oldestTick or written < oldestTick then
			        oldest, oldestTick = origins[i], written
			      end
			    end
			  end
			  if oldest then
			    redis.call('HDEL', KEYS[1], oldest)
			  end
			end
			redis.call('HSET', KEYS[1], 'frame', ARGV[3], ARGV[1], ARGV[2] .. ':' .. tick)
			if ARGV[5] == '0' then
			  redis.call('PERSIST', KEYS[1])
			else
			  redis.call('PEXPIRE', KEYS[1], ARGV[5])
			end
			return redis.call('PUBLISH', ARGV[4], ARGV[3])
			""", Long.class);

	// sent with each retained publication, counted with the bytes waiting for Redis
	private static final byte[] RETAIN_AND_PUBLISH_TEXT = RETAIN_AND_PUBLISH.getScriptAsString()
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] FRAME_FIELD = "frame".getBytes(StandardCharsets.US_ASCII);

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final String channel;

	private final byte[] channelBytes;

	private final String retainedKeyPrefix;

	private final Duration timeout;

	private final int maxMessageSize;

	private final byte[] retainedTimeToLiveMillis;

	private final long origin = ThreadLocalRandom.current().nextLong();

	// numbers frames in the order they are handed to Lettuce (under sendLock)
	private final Object sendLock = new Object();

	private long sequence;

	// the last sequence delivered per origin, least recently heard from first
	private final Map<Long, Long> lastSequences = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
			return size() > MAX_ORIGINS;
		}

	};

	private final RedisConnectionFactory listenerConnectionFactory;

	// replaced by a new one after a start that failed, which leaves it half started
	private volatile RedisMessageListenerContainer container;

	private final RedisCommandTracker tracker;

	private final AtomicLong notSent = new AtomicLong();

	private final AtomicLong rejected = new AtomicLong();

	// guards joining against stopping, so that a connection made late is not left open
	private final Object lifecycleLock = new Object();

	// whether the container started: it subscribes again by itself after that
	private volatile boolean subscribed;

	private volatile @Nullable ReactiveRedisConnection connection;

	private volatile @Nullable Receiver receiver;

	private volatile boolean running;

	// the attempts to join after a start while Redis did not answer (under lifecycleLock)
	private @Nullable Disposable retrying;

	private RedisJsonRpcPubSubBackend(Builder builder) {
		this.connectionFactory = (ReactiveRedisConnectionFactory) builder.connectionFactory;
		this.channel = builder.channelPrefix + ":pubsub";
		this.retainedKeyPrefix = builder.channelPrefix + ":retained:";
		this.timeout = builder.timeout;
		this.maxMessageSize = builder.maxMessageSize;
		this.channelBytes = this.channel.getBytes(StandardCharsets.UTF_8);
		long ttl = (builder.retainedTimeToLive != null) ? Math.max(1, builder.retainedTimeToLive.toMillis()) : 0;
		this.retainedTimeToLiveMillis = Long.toString(ttl).getBytes(StandardCharsets.US_ASCII);
		this.tracker = new RedisCommandTracker(builder.timeout, builder.maxPendingSize, builder.nanoClock);
		this.listenerConnectionFactory = builder.connectionFactory;
		this.container = newContainer();
	}

	private RedisMessageListenerContainer newContainer() {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(this.listenerConnectionFactory);
		// one receiving thread, Lettuce's: delivery never blocks (sessions queue), and
		// handing messages to a pool would lose their order
		container.setTaskExecutor(new SyncTaskExecutor());
		// a subscription failing in start() is not tried again there, on the calling
		// thread after a sleep (holding the lifecycle lock, so stop() would wait): the
		// backend tries again with a new container after the timeout. start() may still
		// wait for the listener's own connection, up to the connection factory's
		// timeout, if Redis accepts connections but does not answer (stop() then waits)
		container.setRecoveryBackoff(new FixedBackOff(0, 0));
		// waits for the subscription at most the timeout, not Spring Data's 2 s
		container.setMaxSubscriptionRegistrationWaitingTime(this.timeout.toMillis());
		container.setBeanName("jsonRpcPubSubRedisListenerContainer");
		container.addMessageListener(this::received, new ChannelTopic(this.channel));
		container.afterPropertiesSet();
		return container;
	}

	/**
	 * Create a builder over a connection factory.
	 * @param connectionFactory the application's Redis connection factory, also a
	 * {@link ReactiveRedisConnectionFactory} (as Lettuce's is)
	 * @return the builder
	 */
	public static Builder builder(RedisConnectionFactory connectionFactory) {
		return new Builder(connectionFactory);
	}

	// Lifecycle

	@Override
	public void start() {
		synchronized (this.lifecycleLock) {
			this.running = true;
		}
		if (!join()) {
			// Redis does not answer: the application starts all the same, delivering on
			// this instance only, and joins the others once Redis answers
			Disposable retrying = Flux.interval(this.timeout, this.timeout)
				.onBackpressureDrop()
				.concatMap((tick) -> Mono.fromCallable(this::join).subscribeOn(Schedulers.boundedElastic()), 1)
				.takeUntil(Boolean::booleanValue)
				.subscribe();
			synchronized (this.lifecycleLock) {
				// disposed by stop(): a start right after it, within one interval, would
				// otherwise leave two of them trying
				disposeRetrying();
				this.retrying = retrying;
				if (!this.running) {
					disposeRetrying();
				}
			}
		}
		if (logger.isInfoEnabled()) {
			logger.info("JSON-RPC pub/sub on Redis channel '" + this.channel + "'");
		}
	}

	/**
	 * Connect, unless connected, and start the listener container, unless started.
	 * @return {@code true} if both are done, or the backend is stopped
	 */
	private boolean join() {
		synchronized (this.lifecycleLock) {
			if (this.running) {
				try {
					if (this.connection == null) {
						this.connection = connect();
					}
					this.container.start();
					this.subscribed = true;
				}
				catch (RuntimeException ex) {
					this.tracker.failed("Connecting", ex.toString());
					// left half started if it failed, its subscription perhaps still
					// on its way: destroyed, so that it never holds a connection of its
					// own, and the next attempt starts a new one
					destroy(this.container);
					this.container = newContainer();
				}
			}
			return !this.running || this.subscribed;
		}
	}

	/**
	 * Connect now rather than on the first publication, which would wait for it.
	 * @return the connection, answering
	 */
	private ReactiveRedisConnection connect() {
		ReactiveRedisConnection connection = this.connectionFactory.getReactiveConnection();
		try {
			// bounded as any command: each attempt to join waits about the timeout
			connection.ping().timeout(this.timeout).block();
		}
		catch (RuntimeException ex) {
			// never used again: a dedicated connection (shareNativeConnection=false)
			// replays the failure of its connecting forever
			connection.closeLater().subscribe(null, (closing) -> logger.debug("Closing failed", closing));
			throw ex;
		}
		this.tracker.answered();
		return connection;
	}

	private void disposeRetrying() {
		Disposable retrying = this.retrying;
		if (retrying != null) {
			retrying.dispose();
			this.retrying = null;
		}
	}

	/**
	 * Return the attempts to join still going on, for tests.
	 * @return the attempts, {@code null} if none were needed or they were stopped
	 */
	@Nullable Disposable retrying() {
		synchronized (this.lifecycleLock) {
			return this.retrying;
		}
	}

	private static void destroy(RedisMessageListenerContainer container) {
		try {
			container.destroy();
		}
		catch (Exception ex) {
			logger.debug("Stopping the Redis listener container failed", ex);
		}
	}

	@Override
	public void stop() {
		ReactiveRedisConnection connection;
		synchronized (this.lifecycleLock) {
			this.running = false;
			disposeRetrying();
			connection = this.connection;
			this.connection = null;
			this.subscribed = false;
			destroy(this.container);
			// a destroyed one does not start again
			this.container = newContainer();
		}
		if (connection != null) {
			connection.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// subscribed before the web server takes connections, stopped after it
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	// Publishing

	@Override
	public void attach(Receiver receiver) {
		Assert.notNull(receiver, "Receiver is required");
		Assert.state(this.receiver == null, "A receiver is attached already");
		this.receiver = receiver;
	}

	@Override
	public int publish(String topic, JsonRpcEncodedMessage message, boolean retain) {
		int delivered = receiver().published(topic, message, retain);
		Kind kind = retain ? Kind.PUBLISH_RETAINED : Kind.PUBLISH;
		send(kind, topic, message);
		return delivered;
	}

	@Override
	public int sendToUser(String userName, JsonRpcEncodedMessage message) {
		int delivered = receiver().sentToUser(userName, message);
		send(Kind.USER, userName, message);
		return delivered;
	}

	@Override
	public @Nullable JsonRpcEncodedMessage retained(String topic) {
		ReactiveRedisConnection connection = availableConnection();
		if (connection == null) {
			return null;
		}
		long sent = this.tracker.now();
		try {
			ByteBuffer value = connection.hashCommands()
				.hGet(ByteBuffer.wrap(retainedKey(topic)), ByteBuffer.wrap(FRAME_FIELD))
				.timeout(this.timeout)
				.block();
			// answered, with a value or without: a read left unanswered meanwhile is a
			// backlog Redis works through, no outage
			this.tracker.answered();
			if (value == null || !value.hasRemaining()) {
				return null;
			}
			if (value.remaining() > this.maxMessageSize + MAX_FRAME_OVERHEAD) {
				this.rejected.incrementAndGet();
				this.tracker.warn("Retained value of topic '" + JsonRpcLogText.escape(topic)
						+ "' in Redis is larger than " + this.maxMessageSize + " bytes: ignored");
				return null;
			}
			byte[] bytes = new byte[value.remaining()];
			value.get(bytes);
			RedisJsonRpcPubSubFrame frame = RedisJsonRpcPubSubFrame.decode(bytes);
			if (frame == null || frame.kind() != Kind.PUBLISH_RETAINED || !frame.name().equals(topic)
					|| frame.message().size() > this.maxMessageSize) {
				this.rejected.incrementAndGet();
				this.tracker.warn("Retained value of topic '" + JsonRpcLogText.escape(topic)
						+ "' in Redis is no retained publication of that topic, or larger than " + this.maxMessageSize
						+ " bytes: ignored");
				return null;
			}
			return frame.message();
		}
		catch (RuntimeException ex) {
			if (Exceptions.unwrap(ex) instanceof TimeoutException) {
				// left unanswered for the timeout, as a publication would be: the next
				// subscribers and publications do not wait for Redis
				this.tracker.unanswered("reading the retained value of topic '" + JsonRpcLogText.escape(topic) + "'",
						sent);
			}
			// a subscriber goes without the retained value; publishing goes on
			this.tracker.warn("No retained value of topic '" + JsonRpcLogText.escape(topic) + "' from Redis: " + ex);
			return null;
		}
	}

	private void send(Kind kind, String name, JsonRpcEncodedMessage message) {
		if (message.size() > this.maxMessageSize) {
			this.notSent.incrementAndGet();
			this.tracker.warn(describe(kind, name) + " of " + message.size() + " bytes is larger than "
					+ this.maxMessageSize + " bytes: delivered on this instance only");
			return;
		}
		ReactiveRedisConnection connection = availableConnection();
		if (connection == null) {
			this.notSent.incrementAndGet();
			this.tracker.warn("Redis is unavailable: " + describe(kind, name) + " delivered on this instance only");
			return;
		}
		// numbering and handing over under one lock: the sequence numbers reach Lettuce
		// in increasing order, so a frame that arrives after a newer one of its origin
		// can only be one replayed out of order after a reconnect
		synchronized (this.sendLock) {
			long next = this.sequence + 1;
			if (handOver(connection, new RedisJsonRpcPubSubFrame(kind, this.origin, next, name, message))) {
				this.sequence = next;
			}
		}
	}

	/**
	 * Hand one frame to Lettuce: a retained one as the script that stores it unless a
	 * newer one of its origin is stored, and publishes it; any other as a
	 * {@code PUBLISH}. Tests call it to hand over frames in the order a reconnecting
	 * client may replay them.
	 * @param frame the frame, numbered
	 * @return {@code true} if it was handed over, {@code false} if too many bytes wait
	 */
	boolean handOver(RedisJsonRpcPubSubFrame frame) {
		ReactiveRedisConnection connection = this.connection;
		return connection != null && handOver(connection, frame);
	}

	private boolean handOver(ReactiveRedisConnection connection, RedisJsonRpcPubSubFrame frame) {
		byte[] encoded = frame.encode();
		boolean retained = frame.kind() == Kind.PUBLISH_RETAINED;
		long size = encoded.length + (retained ? RETAIN_AND_PUBLISH_TEXT.length : 0);
		if (!this.tracker.reserve(size)) {
			this.notSent.incrementAndGet();
			this.tracker.warn("Too many bytes wait for Redis: " + describe(frame.kind(), frame.name())
					+ " delivered on this instance only");
			return false;
		}
		// described only if it fails
		Supplier<String> what = () -> describe(frame.kind(), frame.name());
		if (retained) {
			// one command: stored and published atomically, or neither if stale; in full,
			// never answered NOSCRIPT, so that it stays in order with what follows it
			Flux<Long> retainAndPublish = connection.scriptingCommands()
				.eval(ByteBuffer.wrap(RETAIN_AND_PUBLISH_TEXT), ReturnType.INTEGER, 1,
						ByteBuffer.wrap(retainedKey(frame.name())), ByteBuffer.wrap(sequenceField(frame.origin())),
						ByteBuffer.wrap(Long.toString(frame.sequence()).getBytes(StandardCharsets.US_ASCII)),
						ByteBuffer.wrap(encoded), ByteBuffer.wrap(this.channelBytes),
						ByteBuffer.wrap(this.retainedTimeToLiveMillis), ByteBuffer.wrap(MAX_RETAINED_ORIGINS_ARGUMENT));
			this.tracker.send(retainAndPublish.then(), size, what);
		}
		else {
			Mono<Long> publish = connection.pubSubCommands()
				.publish(ByteBuffer.wrap(this.channelBytes), ByteBuffer.wrap(encoded));
			this.tracker.send(publish, size, what);
		}
		return true;
	}

	/**
	 * Return what tells whether Redis answers, for tests.
	 * @return the tracker
	 */
	RedisCommandTracker tracker() {
		return this.tracker;
	}

	private @Nullable ReactiveRedisConnection availableConnection() {
		// probes an unavailable Redis
		boolean available = this.tracker.isAvailable(this::ping);
		ReactiveRedisConnection connection = this.connection;
		return (available && connection != null) ? connection : null;
	}

	private Mono<String> ping() {
		ReactiveRedisConnection connection = this.connection;
		// not connected yet: the backend connects by itself once Redis answers
		return (connection != null) ? connection.ping() : Mono.empty();
	}

	// Receiving

	private void received(Message message, byte @Nullable [] pattern) {
		byte[] body = message.getBody();
		Receiver receiver = this.receiver;
		if (receiver == null || body == null) {
			return;
		}
		if (body.length > this.maxMessageSize + MAX_FRAME_OVERHEAD) {
			reject("a message of " + body.length + " bytes");
			return;
		}
		RedisJsonRpcPubSubFrame frame = RedisJsonRpcPubSubFrame.decode(body);
		if (frame == null) {
			reject("a message that is no publication");
			return;
		}
		if (frame.origin() == this.origin) {
			// delivered here when it was published
			return;
		}
		if (!isNewest(frame)) {
			// replayed by a reconnecting publisher after newer ones: at most once, in
			// order
			this.rejected.incrementAndGet();
			return;
		}
		if (frame.message().size() > this.maxMessageSize) {
			reject(describe(frame.kind(), frame.name()) + " of " + frame.message().size() + " bytes");
			return;
		}
		try {
			JsonRpcEncodedMessage notification = frame.message();
			switch (frame.kind()) {
				case PUBLISH -> receiver.published(frame.name(), notification, false);
				case PUBLISH_RETAINED -> receiver.published(frame.name(), notification, true);
				case USER -> receiver.sentToUser(frame.name(), notification);
			}
		}
		catch (RuntimeException ex) {
			// the listener container must go on with the next message
			logger.warn("Delivering " + describe(frame.kind(), frame.name()) + " from Redis failed", ex);
		}
	}

	private boolean isNewest(RedisJsonRpcPubSubFrame frame) {
		boolean newest;
		synchronized (this.lastSequences) {
			Long last = this.lastSequences.get(frame.origin());
			newest = last == null || frame.sequence() > last;
			if (newest) {
				this.lastSequences.put(frame.origin(), frame.sequence());
			}
		}
		return newest;
	}

	private void reject(String what) {
		this.rejected.incrementAndGet();
		this.tracker.warn("Dropped " + what + " received on Redis channel '" + this.channel + "' (max-message-size "
				+ this.maxMessageSize + " bytes)");
	}

	/**
	 * Check, with a {@code PING} waited for at most the timeout, whether Redis answers,
	 * and return the state of the backend. A {@code PING} still waiting for Redis is
	 * waited for again rather than sent anew, so that checks during an outage do not pile
	 * up commands.
	 * @return the state
	 */
	public Status check() {
		boolean answers = false;
		if (this.running) {
			try {
				answers = this.tracker.ping(this::ping).get(this.timeout.toNanos(), TimeUnit.NANOSECONDS) != null;
			}
			catch (TimeoutException ex) {
				this.tracker.failed("PING", this.tracker.noAnswer());
			}
			catch (ExecutionException ex) {
				this.tracker.failed("PING", String.valueOf(ex.getCause()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return new Status(answers && this.tracker.isAvailable(), this.container.isListening(), this.channel,
				this.notSent.get(), this.rejected.get(), this.tracker.lastFailure());
	}

	private byte[] retainedKey(String topic) {
		return (this.retainedKeyPrefix + topic).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] sequenceField(long origin) {
		return ("seq:" + Long.toHexString(origin)).getBytes(StandardCharsets.US_ASCII);
	}

	private static String describe(Kind kind, String name) {
		return ((kind == Kind.USER) ? "notification to user '" : "publication on topic '") + JsonRpcLogText.escape(name)
				+ "'";
	}

	private Receiver receiver() {
		Receiver receiver = this.receiver;
		Assert.state(receiver != null, "No receiver attached");
		return receiver;
	}

	/**
	 * State of the backend, e.g. for a health indicator.
	 *
	 * @param available whether Redis answered the last command within the timeout
	 * @param listening whether the listener container is subscribed to the channel
	 * @param channel the Redis channel
	 * @param notSent the number of publications and notifications delivered on this
	 * instance only, since it started
	 * @param rejected the number of messages received from Redis that were dropped, being
	 * too large, malformed, or replayed by a reconnecting publisher after newer ones
	 * (each origin is delivered in order, at most once)
	 * @param lastFailure the last Redis failure, {@code null} if none
	 */
	public record Status(boolean available, boolean listening, String channel, long notSent, long rejected,
			@Nullable String lastFailure) {

	}

	/**
	 * Builder of a {@link RedisJsonRpcPubSubBackend}.
	 */
	public static final class Builder {

		private final RedisConnectionFactory connectionFactory;

		private String channelPrefix = "jsonrpc";

		private Duration timeout = Duration.ofSeconds(1);

		private int maxMessageSize = 1024 * 1024;

		private long maxPendingSize = 16L * 1024 * 1024;

		private @Nullable Duration retainedTimeToLive = Duration.ofDays(1);

		private LongSupplier nanoClock = System::nanoTime;

		private Builder(RedisConnectionFactory connectionFactory) {
			Assert.notNull(connectionFactory, "RedisConnectionFactory is required");
			Assert.isInstanceOf(ReactiveRedisConnectionFactory.class, connectionFactory,
					"The Redis pub/sub backend needs a connection factory that is also reactive (Lettuce's): ");
			this.connectionFactory = connectionFactory;
		}

		/**
		 * Set the prefix of the channel and keys, so that applications can share one
		 * Redis; default {@code jsonrpc}.
		 * @param channelPrefix the prefix
		 * @return this builder
		 */
		public Builder channelPrefix(String channelPrefix) {
			Assert.hasText(channelPrefix, "Channel prefix is required");
			this.channelPrefix = channelPrefix;
			return this;
		}

		/**
		 * Set how long a Redis command may take before Redis counts as unavailable;
		 * default 1 second. Also the longest a subscribe waits for a retained value, and
		 * the interval between attempts to connect and subscribe after a start while
		 * Redis did not answer.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), "Timeout must be positive");
			this.timeout = timeout;
			return this;
		}

		/**
		 * Set the largest notification sent or accepted through Redis; default 1 MB.
		 * @param maxMessageSize the size in bytes
		 * @return this builder
		 */
		public Builder maxMessageSize(int maxMessageSize) {
			Assert.isTrue(maxMessageSize > 0, "Max message size must be positive");
			this.maxMessageSize = maxMessageSize;
			return this;
		}

		/**
		 * Set how many bytes may wait for Redis to take them; past it, publications are
		 * delivered on this instance only; default 16 MB.
		 * @param maxPendingSize the size in bytes
		 * @return this builder
		 */
		public Builder maxPendingSize(long maxPendingSize) {
			Assert.isTrue(maxPendingSize > 0, "Max pending size must be positive");
			this.maxPendingSize = maxPendingSize;
			return this;
		}

		/**
		 * Set how long a retained value stays in Redis after its last publication;
		 * default one day, {@code null} to keep it until the next.
		 * @param retainedTimeToLive the time to live
		 * @return this builder
		 */
		public Builder retainedTimeToLive(@Nullable Duration retainedTimeToLive) {
			Assert.isTrue(
					retainedTimeToLive == null || (!retainedTimeToLive.isNegative() && !retainedTimeToLive.isZero()),
					"Retained time to live must be positive");
			this.retainedTimeToLive = retainedTimeToLive;
			return this;
		}

		/**
		 * Set the clock of the timeouts and of the warnings' rate limit, as tests do.
		 * @param nanoClock the clock, as {@link System#nanoTime()}
		 * @return this builder
		 */
		Builder nanoClock(LongSupplier nanoClock) {
			Assert.notNull(nanoClock, "Clock is required");
			this.nanoClock = nanoClock;
			return this;
		}

		/**
		 * Build the backend; it connects when started.
		 * @return the backend
		 */
		public RedisJsonRpcPubSubBackend build() {
			return new RedisJsonRpcPubSubBackend(this);
		}

	}

}
