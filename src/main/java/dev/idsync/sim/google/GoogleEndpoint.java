package dev.idsync.sim.google;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The simulated endpoints, each with the OAuth scopes its method accepts (any one of them will do).
 */
enum GoogleEndpoint {

	/** {@code users.list}: the scopes of its reference page. */
	USERS("GET", "/admin/directory/v1/users", GoogleScopes.USER_READONLY, GoogleScopes.USER,
			GoogleScopes.CLOUD_PLATFORM),

	/** {@code members.list}: the scopes of its reference page; {@code {groupKey}} is the path's one group. */
	MEMBERS("GET", "/admin/directory/v1/groups/([^/]+)/members", GoogleScopes.GROUP_MEMBER_READONLY,
			GoogleScopes.GROUP_READONLY, GoogleScopes.GROUP_MEMBER, GoogleScopes.GROUP),

	/** The OAuth token endpoint ({@code https://oauth2.googleapis.com/token}): no bearer token. */
	TOKEN("POST", "/token"),

	/** Anything else: answered 404 once the caller is authenticated. */
	OTHER("", "");

	private final String method;

	private final Pattern path;

	private final List<String> scopes;

	GoogleEndpoint(String method, String path, String... scopes) {
		this.method = method;
		this.path = Pattern.compile(path);
		this.scopes = List.of(scopes);
	}

	/** The endpoint serving {@code method} on {@code path}, {@link #OTHER} if none. */
	static GoogleEndpoint of(String method, String path) {
		for (GoogleEndpoint endpoint : values()) {
			if (endpoint.method.equals(method) && endpoint.path.matcher(path).matches()) {
				return endpoint;
			}
		}
		return OTHER;
	}

	/** The path's one variable, e.g. the {@code groupKey} of {@link #MEMBERS}; {@code null} if it has none. */
	@Nullable String pathVariable(String path) {
		Matcher matcher = this.path.matcher(path);
		return (matcher.matches() && matcher.groupCount() > 0) ? matcher.group(1) : null;
	}

	/** The scopes of which a token needs one. */
	List<String> scopes() {
		return this.scopes;
	}

}
