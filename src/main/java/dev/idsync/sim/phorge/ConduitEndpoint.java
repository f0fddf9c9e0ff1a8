package dev.idsync.sim.phorge;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Conduit's request pipeline, in the order of {@code PhabricatorConduitAPIController} and {@code ConduitCall}:
 * decode parameters, find the method, refuse undeclared parameters, authenticate, execute; and the response
 * envelope {@code {"result":…,"error_code":…,"error_info":…}} in PHP's JSON.
 */
final class ConduitEndpoint {

	private final Map<String, ConduitMethod> methods;

	private final ConduitAuthenticator authenticator;

	private final Clock clock;

	private final PhorgeDirectory directory;

	/**
	 * Creates the endpoint with every simulated method.
	 * @param directory the instance's state
	 * @param clock the time tokens expire against and edits are stamped with
	 * @param baseUrl the public base URL profile and image URLs are built on, without a trailing slash
	 * @param hostName what {@code conduit.ping} answers
	 */
	ConduitEndpoint(PhorgeDirectory directory, Clock clock, String baseUrl, String hostName) {
		this(directory, clock, baseUrl, hostName, Set.of());
	}

	/**
	 * Creates the endpoint without some methods, as an older Phabricator lacks them: calls to them fail as calls to
	 * any method Phorge does not have.
	 * @param directory the instance's state
	 * @param clock the time tokens expire against and edits are stamped with
	 * @param baseUrl the public base URL profile and image URLs are built on, without a trailing slash
	 * @param hostName what {@code conduit.ping} answers
	 * @param absentMethods the simulated methods this instance lacks, e.g. {@code user.edit}
	 */
	ConduitEndpoint(PhorgeDirectory directory, Clock clock, String baseUrl, String hostName,
			Set<String> absentMethods) {
		this.methods = methods(directory, new UserViews(directory, baseUrl), hostName).entrySet()
			.stream()
			.filter((entry) -> !absentMethods.contains(entry.getKey()))
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
		this.authenticator = new ConduitAuthenticator(directory);
		this.clock = clock;
		this.directory = directory;
	}

	/**
	 * The page of the account listing a {@code user.search} call asks for, counting from 1 (newest first), for the
	 * fault knobs; 0 when the call is not a readable search.
	 */
	int searchPage(String method, @Nullable String contentType, Map<String, @Nullable Object> requestData) {
		if (!method.equals("user.search")) {
			return 0;
		}
		try {
			Map<String, @Nullable Object> params = ConduitInput.decode(method, contentType, requestData).params();
			long limit = (params.get("limit") != null) ? Math.max(1, PhpValues.intval(params.get("limit"))) : 100;
			Object after = params.get("after");
			if (after == null) {
				return 1;
			}
			long cursor = PhpValues.intval(after);
			long ahead = this.directory.users().stream().filter((user) -> user.id() > cursor).count();
			return (int) (ahead / limit) + 1;
		}
		catch (RuntimeException ex) {
			return 0;
		}
	}

	/** Answers a call to {@code method} with the JSON body Phorge would send (always with HTTP 200). */
	String call(String method, @Nullable String contentType, Map<String, @Nullable Object> requestData) {
		Map<String, @Nullable Object> envelope = new LinkedHashMap<>();
		try {
			envelope.put("result", execute(method, contentType, requestData));
			envelope.put("error_code", null);
			envelope.put("error_info", null);
		}
		catch (ConduitError ex) {
			envelope.put("result", null);
			envelope.put("error_code", ex.code());
			envelope.put("error_info", ex.info());
		}
		return PhpJson.encode(envelope);
	}

	private @Nullable Object execute(String name, @Nullable String contentType,
			Map<String, @Nullable Object> requestData) {
		ConduitInput input = ConduitInput.decode(name, contentType, requestData);
		ConduitMethod method = this.methods.get(name);
		if (method == null) {
			throw ConduitError.call("Conduit API method \"" + name + "\" does not exist.");
		}
		List<String> undeclared = input.params().keySet().stream().filter((key) -> !method.params().contains(key))
			.toList();
		if (!undeclared.isEmpty()) {
			throw ConduitError.call("API Method \"" + name + "\" does not define these parameters: '"
					+ String.join("', '", undeclared) + "'.");
		}
		long now = this.clock.instant().getEpochSecond();
		PhorgeUser viewer = method.authenticated() ? this.authenticator.authenticate(input.metadata(), now) : null;
		return method.handler().execute(new ConduitCall(viewer, input.params(), input.strict(), now));
	}

	private static Map<String, ConduitMethod> methods(PhorgeDirectory directory, UserViews views, String hostName) {
		UserEditor editor = new UserEditor(directory);
		UserSearchMethod search = new UserSearchMethod(directory, views);
		UserQueryMethod query = new UserQueryMethod(directory, views);
		UserToggleMethod disable = new UserToggleMethod(directory, editor, true);
		UserToggleMethod enable = new UserToggleMethod(directory, editor, false);
		return List
			.of(new ConduitMethod("conduit.ping", List.of(), false, (call) -> hostName),
					new ConduitMethod("conduit.getcapabilities", List.of(), false, (call) -> capabilities()),
					new ConduitMethod("user.whoami", List.of(), true, (call) -> views.whoami(call.viewer())),
					new ConduitMethod("user.search", UserSearchMethod.PARAMS, true, search::execute),
					new ConduitMethod("user.query", UserQueryMethod.PARAMS, true, query::execute),
					new ConduitMethod("user.edit", List.of("transactions", "objectIdentifier"), true,
							(call) -> editor.edit(call.viewer(), call.value("objectIdentifier"),
									call.value("transactions"), call.strict(), call.now())),
					new ConduitMethod("user.disable", UserToggleMethod.PARAMS, true, disable::execute),
					new ConduitMethod("user.enable", UserToggleMethod.PARAMS, true, enable::execute))
			.stream()
			.collect(Collectors.toMap(ConduitMethod::name, Function.identity()));
	}

	/** {@code conduit.getcapabilities}: what this Phorge speaks. */
	private static Map<String, List<String>> capabilities() {
		Map<String, List<String>> capabilities = new LinkedHashMap<>();
		capabilities.put("authentication", List.of("token", "asymmetric", "session", "sessionless"));
		capabilities.put("signatures", List.of("consign"));
		capabilities.put("input", List.of("json", "urlencoded"));
		capabilities.put("output", List.of("json", "human"));
		return capabilities;
	}

}
