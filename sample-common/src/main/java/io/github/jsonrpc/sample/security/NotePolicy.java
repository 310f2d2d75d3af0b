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

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Custom access check used from {@code @PreAuthorize} as {@code @notePolicy}: only the
 * owner of a note may change it. A missing note is treated like someone else's, so the
 * answer does not tell whether a note exists.
 *
 * @author JSON-RPC for Spring Boot team
 */
@Component("notePolicy")
public class NotePolicy {

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	private final NoteStore notes;

	public NotePolicy(NoteStore notes) {
		this.notes = notes;
	}

	/**
	 * Return whether the caller owns a note.
	 * @param authentication the caller
	 * @param id the note id, may be {@code null}
	 * @return {@code true} for the owner of an existing note
	 */
	public boolean isOwner(Authentication authentication, Long id) {
		if (authentication == null || id == null || this.trustResolver.isAnonymous(authentication)) {
			return false;
		}
		NoteStore.Note note = this.notes.find(id);
		return note != null && note.owner().equals(authentication.getName());
	}

}
