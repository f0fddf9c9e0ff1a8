package dev.idsync.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.idsync.domain.Action;
import dev.idsync.domain.ActionStatus;
import dev.idsync.domain.ActionType;
import dev.idsync.domain.Category;
import dev.idsync.domain.Finding;
import dev.idsync.domain.GateResult;
import dev.idsync.domain.MatchMethod;
import dev.idsync.domain.Plan;
import dev.idsync.domain.PlannedAction;
import dev.idsync.domain.Precondition;

/**
 * Writes and reads {@code plan.json}: the plan with a SHA-256 hash of its content, so that {@code idsync apply} can
 * tell an edited plan from the one idsync wrote.
 */
public final class PlanJson {

	/** Bumped whenever a field is removed or changes meaning. */
	public static final int PLAN_VERSION = 1;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The plan as {@code plan.json}, hash included.
	 * @param plan the plan
	 * @return the file's content and its hash
	 */
	public Written write(Plan plan) {
		ObjectNode root = JSON.createObjectNode();
		root.put("planVersion", PLAN_VERSION);
		root.put("runId", plan.runId());
		root.put("createdAt", plan.createdAt().toString());
		root.put("expiresAt", plan.expiresAt().toString());
		root.put("phorge", plan.phorge());
		root.put("sourcesComplete", plan.sourcesComplete());
		ArrayNode incomplete = root.putArray("incomplete");
		plan.incomplete().forEach(incomplete::add);
		ArrayNode gates = root.putArray("gates");
		plan.gates().forEach((gate) -> gates.addObject().put("gate", gate.gate()).put("passed", gate.passed())
			.put("message", gate.message()));
		root.put("toApply", plan.planned());
		ArrayNode items = root.putArray("actions");
		plan.items().forEach((item) -> writeItem(items.addObject(), item));
		String hash = hash(root);
		root.put("hash", hash);
		byte[] content = JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
		return new Written(content, hash);
	}

	/**
	 * Reads a plan.
	 * @param content the file's content
	 * @return the plan with the hash it declares and the hash of its content
	 * @throws IllegalArgumentException when the content is no plan idsync wrote
	 */
	public Read read(byte[] content) {
		try {
			JsonNode parsed = JSON.readTree(content);
			if (!(parsed instanceof ObjectNode root) || root.path("planVersion").asInt() != PLAN_VERSION) {
				throw new IllegalArgumentException("not an idsync plan of version " + PLAN_VERSION);
			}
			String declared = root.path("hash").asString("");
			root.remove("hash");
			return new Read(plan(root), declared, hash(root));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(malformed(ex), ex);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new IllegalArgumentException("not a readable idsync plan: " + ex.getMessage(), ex);
		}
	}

	/** Where and how a plan's JSON breaks, without the parser's internals. */
	private static String malformed(JacksonException ex) {
		String original = String.valueOf(ex.getOriginalMessage());
		String what = original.contains("end-of-input") ? "it ends early (cut off, or not completely written)"
				: "it is not valid JSON";
		TokenStreamLocation where = ex.getLocation();
		return "not a plan as 'idsync plan' writes it: " + what + ((where != null && where.getLineNr() > 0)
				? " at line " + where.getLineNr() + ", column " + where.getColumnNr() : "")
				+ ". Write it again with 'idsync plan'";
	}

	private static void writeItem(ObjectNode node, Plan.Item item) {
		PlannedAction planned = item.planned();
		Action action = planned.action();
		node.put("type", action.type().name()).put("username", action.username()).put("phid", action.phid())
			.put("because", action.because().name()).put("precondition", action.precondition().name())
			.put("preconditionText", action.precondition().text()).put("status", planned.status().name())
			.put("reason", planned.reason());
		Finding finding = item.finding();
		if (finding != null) {
			ObjectNode evidence = node.putObject("finding");
			evidence.put("category", finding.category().name()).put("identity", finding.identity())
				.put("rule", finding.rule())
				.put("matchedBy", (finding.matchedBy() != null) ? finding.matchedBy().name() : null)
				.put("confidence", (finding.confidence() != null) ? finding.confidence().name() : null);
			ArrayNode facts = evidence.putArray("facts");
			finding.evidence().forEach(facts::add);
		}
	}

	private static Plan plan(ObjectNode root) {
		List<String> incomplete = new ArrayList<>();
		root.path("incomplete").forEach((line) -> incomplete.add(line.asString()));
		List<GateResult> gates = new ArrayList<>();
		root.path("gates").forEach((gate) -> gates.add(new GateResult(gate.path("gate").asString(),
				gate.path("passed").asBoolean(), gate.path("message").asString())));
		List<Plan.Item> items = new ArrayList<>();
		root.path("actions").forEach((item) -> items.add(item(item)));
		return new Plan(text(root, "runId"), Instant.parse(text(root, "createdAt")),
				Instant.parse(text(root, "expiresAt")), text(root, "phorge"), root.path("sourcesComplete").asBoolean(),
				incomplete, gates, items);
	}

	private static Plan.Item item(JsonNode node) {
		Action action = new Action(ActionType.valueOf(text(node, "type")), text(node, "phid"), text(node, "username"),
				Category.valueOf(text(node, "because")), Precondition.valueOf(text(node, "precondition")));
		PlannedAction planned = new PlannedAction(action, ActionStatus.valueOf(text(node, "status")),
				nullable(node, "reason"));
		JsonNode finding = node.path("finding");
		if (finding.isMissingNode()) {
			return new Plan.Item(planned, null);
		}
		List<String> facts = new ArrayList<>();
		finding.path("facts").forEach((fact) -> facts.add(fact.asString()));
		String matchedBy = nullable(finding, "matchedBy");
		return new Plan.Item(planned, new Finding(Category.valueOf(text(finding, "category")), action.username(),
				action.phid(), nullable(finding, "identity"), text(finding, "rule"), facts,
				(matchedBy != null) ? MatchMethod.valueOf(matchedBy) : null));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (!value.isString()) {
			throw new IllegalArgumentException("'" + field + "' is missing");
		}
		return value.asString();
	}

	private static @Nullable String nullable(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.asString() : null;
	}

	/** The SHA-256 of the plan's compact JSON without its hash. */
	private static String hash(ObjectNode withoutHash) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(JSON.writeValueAsString(withoutHash).getBytes(StandardCharsets.UTF_8));
			return "sha256:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A written plan.
	 *
	 * @param content the file's content
	 * @param hash the hash of its content
	 */
	public record Written(byte[] content, String hash) {
	}

	/**
	 * A plan read back.
	 *
	 * @param plan the plan
	 * @param declaredHash the hash the file declares
	 * @param actualHash the hash of the file's content
	 */
	public record Read(Plan plan, String declaredHash, String actualHash) {
	}

}
