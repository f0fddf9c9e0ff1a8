package dev.idsync.sim;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.idsync.sim.Names.Human;

/**
 * A person as planted in the identity providers: their name and every address the providers know.
 *
 * @param human the person
 * @param secondEmail the Okta {@code secondEmail}, if any
 * @param aliases the Google aliases, if any
 * @param employeeId the HR employee id, the same in every provider that knows the person
 * @param phorgeUsername the Phorge username recorded in the person's Okta profile, if any
 */
record Planted(Human human, @Nullable String secondEmail, List<String> aliases, String employeeId,
		@Nullable String phorgeUsername) {
}
