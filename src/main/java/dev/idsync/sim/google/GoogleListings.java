package dev.idsync.sim.google;

import java.util.Map;
import java.util.function.BiConsumer;

import dev.idsync.sim.SimExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves the Directory API's listings, {@code users.list} and {@code members.list}, to an authorised caller: one page
 * each, or the fault injected into that page.
 */
final class GoogleListings {

	private final GoogleDirectory directory;

	private final String customerId;

	private final GoogleUserJson userJson;

	private final GoogleFaultyPages faultyPages;

	private final JsonMapper mapper;

	GoogleListings(GoogleDirectory directory, String customerId, GoogleFaultyPages faultyPages, JsonMapper mapper) {
		this.directory = directory;
		this.customerId = customerId;
		this.userJson = new GoogleUserJson(customerId);
		this.faultyPages = faultyPages;
		this.mapper = mapper;
	}

	/**
	 * Answers a {@code users.list} request.
	 * @throws GoogleApiError as Google refuses the request, or for an injected fault
	 */
	void listUsers(SimExchange exchange) {
		GoogleUserQuery query = GoogleUserQuery.of(exchange, this.customerId, this.directory.domains());
		ObjectNode body = listing("admin#directory#users", "users", query.page(this.directory),
				this.userJson::write);
		answer(exchange, query.pageNumber(), body, "users");
	}

	/**
	 * Answers a {@code members.list} request.
	 * @param groupKey the group's email or id, from the path
	 * @throws GoogleApiError as Google refuses the request, or for an injected fault
	 */
	void listMembers(SimExchange exchange, @Nullable String groupKey) {
		GoogleSimGroup group = (groupKey != null) ? this.directory.group(groupKey) : null;
		if (group == null) {
			throw GoogleApiError.resourceNotFound("groupKey");
		}
		GoogleMemberQuery query = GoogleMemberQuery.of(exchange, group);
		ObjectNode body = listing("admin#directory#members", "members", query.page(this.directory.members(group)),
				(user, node) -> GoogleMemberJson.write(group, user, node));
		answer(exchange, query.pageNumber(), body, "members");
	}

	private ObjectNode listing(String kind, String items, GooglePage<GoogleSimUser> page,
			BiConsumer<GoogleSimUser, ObjectNode> writer) {
		ObjectNode node = this.mapper.createObjectNode();
		node.put("kind", kind);
		node.put("etag", GoogleUserJson.etag(kind + page.items().stream().map(GoogleSimUser::id).toList()));
		// Google leaves the list's key out of an empty page.
		if (!page.items().isEmpty()) {
			ArrayNode array = node.putArray(items);
			page.items().forEach((item) -> writer.accept(item, array.addObject()));
		}
		if (page.nextPageToken() != null) {
			node.put("nextPageToken", page.nextPageToken());
		}
		return node;
	}

	private void answer(SimExchange exchange, int page, ObjectNode body, String items) {
		if (!this.faultyPages.actOut(exchange, page, body, items)) {
			exchange.respond(200, GoogleSimServer.JSON, this.mapper.writeValueAsBytes(body), Map.of(), true);
		}
	}

}
