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

import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Notes under the {@code notes.} prefix: any logged-in user creates notes, only a note's
 * owner deletes it (a custom check, {@link NotePolicy}).
 *
 * @author JSON-RPC for Spring Boot team
 */
@JsonRpcService("notes")
public class NoteService {

	private final NoteStore notes;

	public NoteService(NoteStore notes) {
		this.notes = notes;
	}

	/**
	 * Create a note owned by the caller.
	 * @param text the text
	 * @param user the caller
	 * @return the id of the new note
	 */
	@PreAuthorize("isAuthenticated()")
	public long create(String text, @AuthenticationPrincipal UserDetails user) {
		return this.notes.add(user.getUsername(), text).id();
	}

	/**
	 * Delete a note of the caller.
	 * @param id the note id
	 * @return {@code true}
	 */
	@PreAuthorize("@notePolicy.isOwner(authentication, #id)")
	public boolean delete(long id) {
		return this.notes.remove(id);
	}

}
