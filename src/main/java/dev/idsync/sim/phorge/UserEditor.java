package dev.idsync.sim.phorge;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * {@code user.edit}: reads transactions as {@code PhabricatorEditEngine::buildConduitResponse()} does and applies
 * them as Phorge's transaction editor does (validate, check capabilities, drop edits without effect, apply), in one
 * atomic edit of the directory, which stores a {@code user.disable} transaction authored by the caller for every
 * change of {@code disabled}. Only {@code disabled}, {@code approved} and {@code realName} change state; the profile
 * fields Phorge also accepts ({@code title}, {@code icon}, {@code blurb}) and MFA signing are not modelled and are
 * refused once the caller has passed Phorge's checks.
 */
final class UserEditor {

	private static final List<String> TYPES = List.of("disabled", "approved", "realName", "title", "icon", "blurb",
			"mfa");

	private static final List<String> BOOLEAN_TYPES = List.of("disabled", "approved", "mfa");

	private static final Pattern PHID = Pattern.compile("^PHID-[^-]{4}-");

	private static final String PHID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

	private final PhorgeDirectory directory;

	private final SecureRandom random = new SecureRandom();

	UserEditor(PhorgeDirectory directory) {
		this.directory = directory;
	}

	/**
	 * Applies {@code transactions} to the user {@code identifier} names and returns {@code user.edit}'s result: the
	 * object and one {@code PHID-XACT-USER-…} per transaction that had an effect (none for a repeated edit).
	 */
	Map<String, Object> edit(PhorgeUser viewer, @Nullable Object identifier, @Nullable Object transactions,
			boolean strict, long now) {
		Map<String, Map<String, @Nullable Object>> raw = rawTransactions(transactions);
		if (!PhpValues.truthy(identifier)) {
			throw ConduitError.core("[You Shall Not Pass: PhabricatorUserEditEngine] (Can Edit) You do not have "
					+ "permission to edit this object. // By default, no one can take this action.");
		}
		PhorgeUser target = resolve(identifier);
		List<UserEdit> edits = edits(raw, strict);
		AtomicReference<List<String>> applied = new AtomicReference<>(List.of());
		this.directory.edit(target.phid(), (current) -> {
			UserEdit.validate(viewer, current, edits, this.directory.canDisableUsers(viewer));
			edits.forEach((edit) -> edit.requireCapability(viewer, current));
			List<UserEdit> effective = edits.stream().filter((edit) -> edit.hasEffect(current)).toList();
			effective.forEach(UserEdit::requireModelled);
			List<String> phids = new ArrayList<>();
			List<PhorgeUserTransaction> recorded = new ArrayList<>();
			PhorgeUser changed = current;
			for (UserEdit edit : effective) {
				String phid = newTransactionPhid();
				phids.add(phid);
				edit.transaction(phid, viewer, changed, now).ifPresent(recorded::add);
				changed = edit.applyTo(changed, now);
			}
			applied.set(phids);
			return new UserChange(changed, recorded);
		});
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("id", target.id());
		object.put("phid", target.phid());
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("object", object);
		result.put("transactions", applied.get().stream().map((phid) -> Map.of("phid", phid)).toList());
		return result;
	}

	/** The user an {@code objectIdentifier} names: a numeric id, a PHID or an {@code @username} monogram. */
	private PhorgeUser resolve(Object identifier) {
		String name = PhpValues.string(identifier);
		if (identifier instanceof Long || PhpValues.isDigits(identifier)) {
			return this.directory.userById(PhpValues.intval(identifier))
				.orElseThrow(() -> ConduitError.core("No object exists with ID \"" + name + "\"."));
		}
		if (identifier instanceof String && PHID.matcher(name).find()) {
			return this.directory.userByPhid(name)
				.orElseThrow(() -> ConduitError.core("No object exists with PHID \"" + name + "\"."));
		}
		Optional<PhorgeUser> byMonogram = name.startsWith("@") ? this.directory.userByName(name.substring(1))
				: Optional.empty();
		return byMonogram
			.orElseThrow(() -> ConduitError.core("Monogram \"" + name + "\" does not identify a valid object."));
	}

	private static Map<String, Map<String, @Nullable Object>> rawTransactions(@Nullable Object transactions) {
		if (!PhpValues.isArray(transactions)) {
			throw ConduitError.core("Parameter \"transactions\" is not a list of transactions.");
		}
		Map<String, Map<String, @Nullable Object>> raw = new LinkedHashMap<>();
		PhpValues.entries(transactions).forEach((key, transaction) -> {
			String problem = !PhpValues.isArray(transaction) ? "is not a dictionary"
					: !PhpValues.entries(transaction).containsKey("type")
							? "is missing a \"type\" field. Each transaction must have a type field"
							: !PhpValues.entries(transaction).containsKey("value")
									? "is missing a \"value\" field. Each transaction must have a value field" : null;
			if (problem != null) {
				throw ConduitError.core("Parameter \"transactions\" must contain a list of transaction descriptions, "
						+ "but item with key \"" + key + "\" " + problem + ".");
			}
			raw.put(key, PhpValues.entries(transaction));
		});
		return raw;
	}

	private static List<UserEdit> edits(Map<String, Map<String, @Nullable Object>> raw, boolean strict) {
		raw.forEach((key, transaction) -> {
			Object type = transaction.get("type");
			if (!(type instanceof String name) || !TYPES.contains(name)) {
				throw ConduitError.core("Transaction with key \"" + key + "\" has invalid type \""
						+ PhpValues.string(type) + "\". This type is not recognized. Valid types are: "
						+ String.join(", ", TYPES) + ".");
			}
		});
		List<UserEdit> edits = new ArrayList<>();
		for (Map<String, @Nullable Object> transaction : raw.values()) {
			String type = (String) transaction.get("type");
			try {
				Object given = transaction.get("value");
				Object value = BOOLEAN_TYPES.contains(type) ? ConduitTypes.bool(given, "value", strict)
						: ConduitTypes.string(given, "value");
				edits.add(new UserEdit(type, value));
			}
			catch (ConduitError ex) {
				throw ConduitError.core("Exception when processing transaction of type \"" + type + "\": " + ex.info());
			}
		}
		return edits;
	}

	/** A transaction PHID: Phorge's random 15 characters from {@code [a-z2-7]} after the type. */
	private String newTransactionPhid() {
		StringBuilder phid = new StringBuilder("PHID-XACT-USER-");
		for (int i = 0; i < 15; i++) {
			phid.append(PHID_ALPHABET.charAt(this.random.nextInt(PHID_ALPHABET.length())));
		}
		return phid.toString();
	}

}
