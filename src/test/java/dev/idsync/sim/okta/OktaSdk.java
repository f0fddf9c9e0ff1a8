package dev.idsync.sim.okta;

import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import com.okta.sdk.authc.credentials.TokenClientCredentials;
import com.okta.sdk.cache.Caches;
import com.okta.sdk.client.AuthorizationMode;
import com.okta.sdk.client.ClientBuilder;
import com.okta.sdk.client.Clients;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.common.PagedList;
import org.jspecify.annotations.Nullable;

/**
 * Builds real Okta SDK 24 clients against a simulated org, and follows its pages.
 */
final class OktaSdk {

	private OktaSdk() {
	}

	/** A client with the org's SSWS token. */
	static ApiClient ssws(OktaSimServer server, String token, int retries) {
		return build(() -> Clients.builder()
			.setOrgUrl(server.baseUrl())
			.setClientCredentials(new TokenClientCredentials(token))
			.setCacheManager(Caches.newDisabledCacheManager())
			.setRetryMaxAttempts(retries));
	}

	/** A service-app client; the SDK fetches its access token inside this call. */
	static ApiClient privateKey(OktaSimServer server, String kid, PrivateKey key, Set<String> scopes) {
		return build(() -> Clients.builder()
			.setOrgUrl(server.baseUrl())
			.setAuthorizationMode(AuthorizationMode.PRIVATE_KEY)
			.setClientId(OktaTestOrg.CLIENT_ID)
			.setKid(kid)
			.setScopes(scopes)
			.setPrivateKey(key)
			.setCacheManager(Caches.newDisabledCacheManager()));
	}

	private static ApiClient build(Supplier<ClientBuilder> builder) {
		// The SDK refuses http:// org URLs unless this is set before Clients.builder().
		String previous = System.setProperty("okta.testing.disableHttpsCheck", "true");
		try {
			return builder.get().build();
		}
		finally {
			if (previous == null) {
				System.clearProperty("okta.testing.disableHttpsCheck");
			}
			else {
				System.setProperty("okta.testing.disableHttpsCheck", previous);
			}
		}
	}

	/** Every item of a listing, following {@link PagedList#getAfter()} from page to page. */
	@SuppressWarnings("deprecation")
	static <T> List<T> all(Function<@Nullable String, List<T>> listing) {
		List<T> all = new ArrayList<>();
		String after = null;
		do {
			List<T> page = listing.apply(after);
			all.addAll(page);
			// every listing page carries Link headers, so the SDK always answers with a PagedList
			PagedList<?> paged = (PagedList<?>) page;
			after = paged.hasMoreItems() ? paged.getAfter() : null;
		}
		while (after != null);
		return all;
	}

}
