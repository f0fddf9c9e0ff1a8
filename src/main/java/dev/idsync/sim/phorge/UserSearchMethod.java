package dev.idsync.sim.phorge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code user.search}, following {@code PhabricatorApplicationSearchEngine::buildConduitResponse()} step by step:
 * query key, constraints, attachments, order, page size, then the page. Conduit pages are capped at 100.
 */
final class UserSearchMethod {

	static final List<String> PARAMS = List.of("queryKey", "constraints", "attachments", "order", "before", "after",
			"limit");

	private static final long MAX_PAGE_SIZE = 100;

	private final PhorgeDirectory directory;

	private final UserViews views;

	UserSearchMethod(PhorgeDirectory directory, UserViews views) {
		this.directory = directory;
		this.views = views;
	}

	Map<String, Object> execute(ConduitCall call) {
		PhorgeUser viewer = call.viewer();
		String queryKey = PhpValues.stringCast(call.value("queryKey"));
		Map<String, Object> parameters = builtinQuery(queryKey, viewer);
		parameters.putAll(UserSearchConstraints.read(call.value("constraints"), viewer, call.strict()));
		boolean availability = availability(call.value("attachments"));
		UserSearchOrder order = UserSearchOrder.of(call.value("order"));
		Object limit = pageSize(call.value("limit"));
		boolean fulltext = UserSearchConstraints.hasFulltext(parameters);
		// in ascending id order, as the directory lists them (the pager's index-like paging relies on it)
		List<PhorgeUser> matching = UserSearchConstraints.selectsAll(parameters) ? this.directory.users()
				: this.directory.users().stream().filter(UserSearchConstraints.filter(parameters)).toList();
		UserSearchPager.Page page = new UserSearchPager(this.directory).page(matching, order, fulltext,
				PhpValues.intval(limit), call.value("before"), call.value("after"));
		return result(page, queryKey, limit, call.value("order"), availability);
	}

	private Map<String, Object> result(UserSearchPager.Page page, String queryKey, Object limit,
			@Nullable Object order, boolean availability) {
		Map<String, @Nullable Object> query = new LinkedHashMap<>();
		query.put("queryKey", queryKey.isEmpty() ? null : queryKey);
		Map<String, @Nullable Object> cursor = new LinkedHashMap<>();
		cursor.put("limit", limit);
		cursor.put("after", page.after());
		cursor.put("before", page.before());
		cursor.put("order", PhpValues.normalized(order));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("data", page.rows().stream().map((user) -> this.views.searchRow(user, availability)).toList());
		result.put("maps", Map.of());
		result.put("query", query);
		result.put("cursor", cursor);
		return result;
	}

	/** The builtin queries of {@code PhabricatorPeopleSearchEngine}; saved queries do not exist here. */
	private static Map<String, Object> builtinQuery(String queryKey, PhorgeUser viewer) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		switch (queryKey) {
			case "", "all" -> {
			}
			case "active" -> parameters.put("isDisabled", false);
			case "admin" -> parameters.put("isAdmin", true);
			case "approval" -> {
				if (!viewer.admin()) {
					throw badQueryKey();
				}
				parameters.put("needsApproval", true);
				parameters.put("isDisabled", false);
			}
			default -> throw badQueryKey();
		}
		return parameters;
	}

	/** Whether the availability attachment was asked for: any value of its key counts, even {@code false}. */
	private static boolean availability(@Nullable Object attachments) {
		if (attachments != null && !PhpValues.isArray(attachments)) {
			throw new ConduitError("ERR-INVALID-ATTACHMENTS-FORMAT",
					"Parameter \"attachments\" must be a map of attachments.");
		}
		Map<String, @Nullable Object> keys = PhpValues.entries(attachments);
		for (String key : keys.keySet()) {
			if (!key.equals("availability")) {
				throw new ConduitError("ERR-INVALID-ATTACHMENT", "Parameter \"attachments\" includes an invalid key.");
			}
		}
		return keys.containsKey("availability");
	}

	/**
	 * The page size, echoed in the cursor as the caller typed it (a string in plain form encoding), except that
	 * PHP's {@code max(1, $limit)} turns a value equal to 1 into the integer 1.
	 */
	private static Object pageSize(@Nullable Object limit) {
		Object size = (limit != null) ? limit : MAX_PAGE_SIZE;
		if (PhpValues.compare(size, MAX_PAGE_SIZE) > 0) {
			throw new ConduitError("ERR-INVALID-PAGE-SIZE", "Maximum page size for Conduit API method calls is 100, "
					+ "but this call specified " + PhpValues.string(size) + ".");
		}
		if (PhpValues.compare(size, 1) < 0) {
			throw new ConduitError("ERR-INVALID-PAGE-SIZE", "Minimum page size for Conduit API method calls is 1, "
					+ "but this call specified " + PhpValues.string(size) + ".");
		}
		return (PhpValues.compare(size, 1) > 0) ? size : (Object) 1L;
	}

	private static ConduitError badQueryKey() {
		return new ConduitError("ERR-BAD-QUERYKEY", "Invalid query for parameter \"queryKey\".");
	}

}
