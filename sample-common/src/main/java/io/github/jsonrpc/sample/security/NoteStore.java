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
package io.github.jsonrpc.sample.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * In-memory notes, seeded with notes owned by {@code alice} (ids 1 and 2) and
 * {@code admin} (id 3).
 *
 * @author JSON-RPC for Spring Boot team
 */
@Component
public class NoteStore {

	private final Map<Long, Note> notes = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	public NoteStore() {
		add("alice", "Buy milk");
		add("alice", "Call Bob");
		add("admin", "Rotate the keys");
	}

	/**
	 * Add a note.
	 * @param owner the owner's name
	 * @param text the text
	 * @return the new note
	 */
	public Note add(String owner, String text) {
		Note note = new Note(this.ids.incrementAndGet(), owner, text);
		this.notes.put(note.id(), note);
		return note;
	}

	/**
	 * Return a note.
	 * @param id the id
	 * @return the note, or {@code null} if there is none
	 */
	public Note find(long id) {
		return this.notes.get(id);
	}

	/**
	 * Remove a note.
	 * @param id the id
	 * @return whether it existed
	 */
	public boolean remove(long id) {
		return this.notes.remove(id) != null;
	}

	/**
	 * Return the number of notes.
	 * @return the count
	 */
	public int count() {
		return this.notes.size();
	}

	/**
	 * A note.
	 *
	 * @param id the id
	 * @param owner the owner's name
	 * @param text the text
	 */
	public record Note(long id, String owner, String text) {
	}

}
