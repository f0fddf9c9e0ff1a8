package dev.idsync.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.ExitCode;
import dev.idsync.domain.Finding;
import dev.idsync.domain.FindingHistory;
import dev.idsync.domain.FindingHistory.Change;
import dev.idsync.domain.GateResult;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.PlannedAction;
import dev.idsync.domain.Precondition;
import dev.idsync.domain.RunTally;
import dev.idsync.domain.SourceRead;

/**
 * Test support: a small, fixed run with findings of several kinds (one with markup and one with a formula in its
 * values), passed and stopped gates, actions in several statuses, an incomplete source and a few earlier runs.
 */
public final class ReportFixtures {

	/** When the fixed run started. */
	public static final Instant STARTED = Instant.parse("2026-11-30T02:00:00Z");

	private ReportFixtures() {
	}

	/** The fixed run. */
	public static RecordedRun run() {
		List<Finding> findings = findings();
		Map<Category, Long> byCategory = new EnumMap<>(Category.class);
		for (Category category : Category.values()) {
			byCategory.put(category, findings.stream().filter((f) -> f.category() == category).count());
		}
		List<PlannedAction> actions = actions();
		Map<ActionType, Long> byAction = new EnumMap<>(ActionType.class);
		Map<ActionType, Map<ActionStatus, Long>> matrix = new EnumMap<>(ActionType.class);
		for (PlannedAction planned : actions) {
			byAction.merge(planned.action().type(), 1L, Long::sum);
			matrix.computeIfAbsent(planned.action().type(), (type) -> new EnumMap<>(ActionStatus.class))
				.merge(planned.status(), 1L, Long::sum);
		}
		RunSummary summary = new RunSummary("20261130T020000Z-abcd", STARTED, STARTED.plusSeconds(95),
				"apply, dry run", "1.0.0-test",
				List.of(new SourceRead("google", 3, 250, 0, 0, 2100, true, null, List.of()),
						new SourceRead("hr", 1, 40, 0, 0, 12, false, "2 unreadable rows",
								List.of("line 7: no email", "line 9: status '<b>gone</b>' is not mapped")),
						new SourceRead("okta", 5, 260, 2, 1, 3400, true, null, List.of())),
				byCategory, byAction, ExitCode.ERROR, "20261129T020000Z-0000",
				Map.of(Change.NEW, 3L, Change.PERSISTING, 2L, Change.RESOLVED, 2L),
				List.of(new GateResult("completeness", false, "hr was read incompletely (2 unreadable rows): nothing is changed"),
						new GateResult("first-run", true, "an earlier run linked identities"),
						new GateResult("blast-radius:DISABLE", false, "12 DISABLE called for, over the limit of 10. "
								+ "Nothing is changed; allow this one run with --allow-mass-change 12")),
				matrix, changes());
		List<Finding> resolved = List.of(
				new Finding(Category.ORPHAN, "ghost", "PHID-USER-ghost", null, "no longer reported", List.of(), null,
						new FindingHistory(STARTED.minusSeconds(3 * 86_400), 3, Change.RESOLVED)),
				new Finding(Category.TOKEN_STALE, "ci-bot", "PHID-USER-cibot", null, "no longer reported", List.of(),
						null, new FindingHistory(STARTED.minusSeconds(86_400), 1, Change.RESOLVED)));
		return RecordedRun.of(summary, history(), findings, actions, resolved);
	}

	private static List<Finding> findings() {
		FindingHistory persisting = new FindingHistory(STARTED.minusSeconds(2 * 86_400), 3, Change.PERSISTING);
		FindingHistory fresh = new FindingHistory(STARTED, 1, Change.NEW);
		return List.of(
				new Finding(Category.LEAVER_ACTIVE, "amir", "PHID-USER-amir", "amir@example.com",
						"inactive in every source that knows the person; the account is enabled",
						List.of("okta: 00u1 amir@example.com SUSPENDED since 2026-10-01", "phorge: @amir enabled"),
						MatchMethod.EMAIL, persisting),
				new Finding(Category.ORPHAN, "=cmd|' /C calc'!A0", "PHID-USER-evil", null,
						"enabled human account that no identity claims",
						List.of("phorge: real name \"<script>alert(1)</script>\", created 2025-01-02"), null, fresh),
				new Finding(Category.DISPUTED, "lee", "PHID-USER-lee", "lee@example.com",
						"claimed by two identities", List.of("email: lee@example.com", "email: lee.k@example.com"),
						MatchMethod.EMAIL, fresh),
				new Finding(Category.TOKEN_STALE, "deploy-bot", "PHID-USER-deploy", null,
						"live API token older than 365 days", List.of("token 'deploy, prod' created 2024-01-01"), null,
						persisting),
				new Finding(Category.LINKED_OK, "zoe", "PHID-USER-zoe", "zoe@example.com",
						"linked, and consistent with the identity", List.of("okta: 00u9 ACTIVE"), MatchMethod.LINK,
						persisting),
				new Finding(Category.JOINER_NO_ACCOUNT, null, null, "new@example.com",
						"active, entitled identity without a Phorge account", List.of("okta: 00u7 ACTIVE"), null,
						fresh));
	}

	private static List<PlannedAction> actions() {
		return List.of(
				new PlannedAction(new Action(ActionType.DISABLE, "PHID-USER-amir", "amir", Category.LEAVER_ACTIVE,
						Precondition.ENABLED), ActionStatus.HELD_GATE, "stopped by the safety gate blast-radius:DISABLE"),
				new PlannedAction(new Action(ActionType.DISABLE, "PHID-USER-evil", "=cmd|' /C calc'!A0",
						Category.ORPHAN, Precondition.ENABLED), ActionStatus.HELD_GRACE,
						"an orphan is disabled after 2 runs; seen in 1"),
				new PlannedAction(new Action(ActionType.FLAG_FOR_REVIEW, "PHID-USER-deploy", "deploy-bot",
						Category.TOKEN_STALE, Precondition.NONE), ActionStatus.FOR_REVIEW, null));
	}

	private static Map<Category, Map<Change, Long>> changes() {
		return Map.of(Category.LEAVER_ACTIVE, Map.of(Change.PERSISTING, 1L),
				Category.ORPHAN, Map.of(Change.NEW, 1L, Change.RESOLVED, 1L),
				Category.DISPUTED, Map.of(Change.NEW, 1L),
				Category.TOKEN_STALE, Map.of(Change.PERSISTING, 1L, Change.RESOLVED, 1L),
				Category.JOINER_NO_ACCOUNT, Map.of(Change.NEW, 1L));
	}

	private static List<RunTally> history() {
		List<RunTally> runs = new ArrayList<>();
		runs.add(new RunTally("20261126T020000Z-0001", STARTED.minusSeconds(4 * 86_400), "report", "COMPLETED", 2,
				true, false, 0, 0, 0, 0, 0));
		runs.add(new RunTally("20261127T020000Z-0002", STARTED.minusSeconds(3 * 86_400), "report", "COMPLETED", 2,
				true, true, 9, 6, 7, 7, 0));
		runs.add(new RunTally("20261128T020000Z-0003", STARTED.minusSeconds(2 * 86_400), "report", "COMPLETED", 1,
				false, true, 8, 5, 6, 0, 0));
		runs.add(new RunTally("20261129T020000Z-0000", STARTED.minusSeconds(86_400), "apply", "COMPLETED", 2, true,
				true, 7, 4, 5, 1, 3));
		runs.add(new RunTally("20261130T020000Z-abcd", STARTED, "apply, dry run", "RUNNING", null, false, true, 6, 4, 5,
				3, 2));
		return runs;
	}

}
