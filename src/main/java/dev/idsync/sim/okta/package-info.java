/**
 * The simulated Okta org: its Users, Groups and Application Users APIs and its org authorization server's token
 * endpoint.
 */
@NullMarked
package dev.idsync.sim.okta;

import org.jspecify.annotations.NullMarked;
