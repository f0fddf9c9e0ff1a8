package dev.idsync.sim.phorge;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserSearchPagingTests {

	private static final int SIZE = 350;

	private final ConduitSimServer server = new ConduitSimServer(GeneratedInstance.directory(SIZE),
			Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC), 0, null);

	private final ConduitTestClient client = new ConduitTestClient(this.server.baseUrl());

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void searchWithLimit100VisitsEveryUserOnceNewestFirst() {
		List<Map<String, Object>> pages = allPages(Map.of("limit", 100));
		assertThat(pages).hasSize(4);
		assertThat(ids(pages)).containsExactlyElementsOf(LongStream.rangeClosed(1, SIZE).map((i) -> SIZE + 1 - i)
			.boxed()
			.toList());
		assertThat(cursor(pages.get(0))).containsEntry("limit", 100).containsEntry("after", "251")
			.containsEntry("before", null);
		assertThat(cursor(pages.get(1))).containsEntry("after", "151").containsEntry("before", "250");
		assertThat(cursor(pages.get(3))).containsEntry("after", null).containsEntry("before", "50");
	}

	@Test
	void searchOrderedOldestVisitsEveryUserOnceOldestFirst() {
		List<Map<String, Object>> pages = allPages(Map.of("limit", 100, "order", "oldest"));
		assertThat(ids(pages)).containsExactlyElementsOf(LongStream.rangeClosed(1, SIZE).boxed().toList());
		assertThat(cursor(pages.get(0))).containsEntry("order", "oldest");
	}

	@Test
	void searchOrderedByUsernameVisitsEveryUserOnceInUsernameOrder() {
		List<Map<String, Object>> pages = allPages(Map.of("limit", 100, "order", List.of("username")));
		List<String> names = pages.stream().flatMap((page) -> rows(page).stream())
			.map((row) -> (String) fields(row).get("username"))
			.toList();
		assertThat(names).hasSize(SIZE).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.naturalOrder());
	}

	@Test
	void searchWithBeforeCursorReturnsThePreviousPage() {
		Map<String, Object> first = search(Map.of("limit", 100));
		Map<String, Object> second = search(Map.of("limit", 100, "after", cursor(first).get("after")));
		Map<String, Object> back = search(Map.of("limit", 100, "before", cursor(second).get("before")));
		assertThat(ids(List.of(back))).isEqualTo(ids(List.of(first)));
		assertThat(cursor(back)).containsEntry("after", "251").containsEntry("before", null);
	}

	@Test
	void pagingByIdThroughTheIndexGivesWhatScanningEveryUserGives() {
		// given every way to order by id alone, forwards and backwards, from random cursors, over all users and over
		// a constrained subset (still in ascending id order, as the method passes them)
		List<PhorgeUser> all = GeneratedInstance.directory(SIZE).users();
		List<PhorgeUser> some = all.stream().filter((user) -> user.id() % 3 != 0).toList();
		java.util.Random random = new java.util.Random(17);
		List<Object> orders = new ArrayList<>(java.util.Arrays.asList(null, "newest", "oldest", List.of("id"),
				List.of("-id"), List.of("rank", "id"), List.of("fulltext-created", "-id")));
		int compared = 0;
		for (Object vector : orders) {
			UserSearchOrder order = UserSearchOrder.of(vector);
			for (List<PhorgeUser> matching : List.of(all, some)) {
				for (int i = 0; i < 200; i++) {
					boolean reversed = random.nextBoolean();
					PhorgeUser cursor = (i % 10 == 0) ? null : all.get(random.nextInt(all.size()));
					int limit = 1 + random.nextInt(101);

					// when
					List<PhorgeUser> indexed = UserSearchPager.rowsAfter(matching, order, false, reversed, cursor, limit);

					// then
					assertThat(indexed).as("order %s, reversed %s, after %s, limit %s", vector, reversed, cursor, limit)
						.isEqualTo(UserSearchPager.rowsAfterByScan(matching, order, false, reversed, cursor, limit));
					compared++;
				}
			}
		}
		assertThat(UserSearchOrder.of(List.of("username")).idDescending(false, false)).isEmpty();
		assertThat(compared).isEqualTo(2_800);
	}

	@Test
	void searchWhenLimitOver100ReturnsPageSizeError() {
		Map<String, Object> envelope = this.client.call("user.search", GeneratedInstance.ADMIN_TOKEN,
				Map.of("limit", 101));
		assertThat(envelope).containsEntry("result", null)
			.containsEntry("error_code", "ERR-INVALID-PAGE-SIZE")
			.containsEntry("error_info",
					"Maximum page size for Conduit API method calls is 100, but this call specified 101.");
	}

	@Test
	void searchWhenLimitBelow1ReturnsPageSizeError() {
		Map<String, Object> envelope = this.client.call("user.search", GeneratedInstance.ADMIN_TOKEN,
				Map.of("limit", 0));
		assertThat(envelope).containsEntry("error_code", "ERR-INVALID-PAGE-SIZE")
			.containsEntry("error_info",
					"Minimum page size for Conduit API method calls is 1, but this call specified 0.");
	}

	@Test
	void searchWhenCursorNamesNoUserReturnsCursorError() {
		Map<String, Object> envelope = this.client.call("user.search", GeneratedInstance.ADMIN_TOKEN,
				Map.of("after", "9999"));
		assertThat(envelope).containsEntry("error_code", "ERR-CONDUIT-CORE")
			.containsEntry("error_info",
					"Cursor \"9999\" does not identify a valid object in query \"PhabricatorPeopleQuery\".");
	}

	private List<Map<String, Object>> allPages(Map<String, Object> params) {
		List<Map<String, Object>> pages = new ArrayList<>();
		Map<String, Object> request = new HashMap<>(params);
		while (pages.size() <= SIZE) {
			Map<String, Object> page = search(request);
			pages.add(page);
			Object after = cursor(page).get("after");
			if (after == null) {
				return pages;
			}
			request.put("after", after);
		}
		throw new AssertionError("Paging did not end");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> search(Map<String, Object> params) {
		Map<String, Object> envelope = this.client.call("user.search", GeneratedInstance.ADMIN_TOKEN, params);
		assertThat(envelope).containsEntry("error_code", null);
		return (Map<String, Object>) envelope.get("result");
	}

	private static List<Long> ids(List<Map<String, Object>> pages) {
		return pages.stream().flatMap((page) -> rows(page).stream())
			.map((row) -> ((Number) row.get("id")).longValue())
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Map<String, Object> page) {
		return (List<Map<String, Object>>) page.get("data");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> fields(Map<String, Object> row) {
		return (Map<String, Object>) row.get("fields");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cursor(Map<String, Object> page) {
		return (Map<String, Object>) page.get("cursor");
	}

}
