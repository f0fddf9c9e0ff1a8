package dev.idsync.sim;

import org.jspecify.annotations.Nullable;

/**
 * An API token planted on an account, aged rather than dated: it is dated relative to the generator's fixed "now",
 * which the simulator moves to its start (see {@link SyntheticOrg#phorgeTokensAt}), because the job judges a token's
 * age by the real clock.
 *
 * @param secret the token ({@code api-} and 28 characters of {@code [a-z2-7]})
 * @param ageSeconds how long before "now" it was created
 * @param terminatedSecondsAgo how long before "now" it was terminated (its {@code expires}), or {@code null} for a
 * live token
 */
record PlantedToken(String secret, long ageSeconds, @Nullable Long terminatedSecondsAgo) {
}
