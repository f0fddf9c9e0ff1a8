package dev.idsync.sim.phorge;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The deprecated {@code user.disable} and {@code user.enable}: administrators only, every PHID checked before
 * anything changes, then one strictly typed {@code user.edit} per PHID (so the caller also needs "Can Disable
 * Users", and an account already in the asked state is left as it is).
 */
final class UserToggleMethod {

	static final List<String> PARAMS = List.of("phids");

	private static final String QUERY = "SELECT * FROM %s WHERE phid IN (%Ls) %Q";

	private final PhorgeDirectory directory;

	private final UserEditor editor;

	private final boolean disable;

	/**
	 * Creates one of the two methods.
	 * @param directory the users
	 * @param editor applies the {@code disabled} transactions
	 * @param disable {@code true} for {@code user.disable}, {@code false} for {@code user.enable}
	 */
	UserToggleMethod(PhorgeDirectory directory, UserEditor editor, boolean disable) {
		this.directory = directory;
		this.editor = editor;
		this.disable = disable;
	}

	@Nullable Object execute(ConduitCall call) {
		PhorgeUser viewer = call.viewer();
		if (!viewer.admin()) {
			throw new ConduitError("ERR-PERMISSIONS", "Only admins can call this method.");
		}
		Object phids = call.value("phids");
		if (!PhpValues.isArray(phids)) {
			throw ConduitError.core("Expected array argument for %Ls conversion. Query: " + QUERY);
		}
		List<String> requested = PhpValues.entries(phids).values().stream().map(PhpValues::string).toList();
		if (requested.isEmpty()) {
			throw ConduitError.core("Array for %Ls conversion is empty. Query: " + QUERY);
		}
		Set<String> found = new HashSet<>();
		requested.forEach((phid) -> this.directory.userByPhid(phid).map(PhorgeUser::phid).ifPresent(found::add));
		if (found.size() != requested.size()) {
			throw new ConduitError("ERR-BAD-PHID", "Non existent user PHID.");
		}
		List<Map<String, Object>> transactions = List.of(Map.of("type", "disabled", "value", this.disable));
		for (String phid : requested) {
			this.editor.edit(viewer, phid, transactions, true, call.now());
		}
		return null;
	}

}
