package dev.idsync.sim;

import org.jspecify.annotations.Nullable;

import dev.idsync.sim.google.GoogleSimUser;
import dev.idsync.sim.okta.OktaSimUser;

/**
 * Where one planted person exists in the identity providers.
 *
 * @param okta their Okta user, if any
 * @param google their Google user, if any
 */
record IdpUsers(@Nullable OktaSimUser okta, @Nullable GoogleSimUser google) {
}
