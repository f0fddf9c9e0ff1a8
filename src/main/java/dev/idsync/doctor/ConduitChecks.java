package dev.idsync.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.idsync.config.ConfigException;
import dev.idsync.config.Credentials;
import dev.idsync.config.PhorgeProperties;
import dev.idsync.config.Secret;
import dev.idsync.source.phorge.Conduit;
import dev.idsync.source.phorge.ConduitException;
import dev.idsync.source.phorge.DisableUsersProbe;
import dev.idsync.source.phorge.Whoami;

/**
 * Conduit's checks: the token works ({@code user.whoami}), it belongs to a bot, and the bot holds "Can Disable
 * Users" (probed by asking Phorge to disable the bot itself, which Phorge refuses after checking the capability).
 */
final class ConduitChecks {

	private static final String BOT_FIX = "Run idsync as a bot account of its own (People > Create New User > Bot), "
			+ "so that its changes are attributed to it and its token is nobody's personal token; put that bot's "
			+ "Conduit token in idsync.phorge.token-file.";

	private static final String CAPABILITY_FIX = "Applications > People > Configure > Can Disable Users: use a "
			+ "custom policy that includes idsync's bot and the administrators (the policy replaces the default "
			+ "'Administrators', so a policy of the bot alone locks the admins out of disabling users).";

	private ConduitChecks() {
	}

	static List<Check> of(PhorgeProperties properties, Map<String, String> environment) {
		Secret token;
		try {
			token = Credentials.conduit(properties, environment);
		}
		catch (ConfigException ex) {
			return List.of(Doctor.missing("conduit: token", ex));
		}
		Conduit conduit = new Conduit(properties, token);
		List<Check> checks = new ArrayList<>();
		Whoami whoami;
		try {
			whoami = conduit.whoami();
		}
		catch (ConduitException ex) {
			checks.add(Check.fail("conduit: token", withoutHint(ex), ex.kind().hint().orElse(
					"Check idsync.phorge.url and the token in idsync.phorge.token-file.")));
			return checks;
		}
		checks.add(Check.pass("conduit: token", "valid: user.whoami says @" + whoami.username() + " at "
				+ properties.url()));
		checks.add(whoami.bot() ? Check.pass("conduit: bot account", "@" + whoami.username() + " is a bot")
				: Check.fail("conduit: bot account", "@" + whoami.username() + " is not a bot (roles "
						+ whoami.roles() + ")", BOT_FIX));
		try {
			DisableUsersProbe probe = conduit.probeCanDisableUsers();
			checks.add(probe.canDisableUsers()
					? Check.pass("conduit: Can Disable Users", "held: Phorge checked the capability, then refused "
							+ "the self-disable probe (" + probe.evidence() + ")")
					: Check.fail("conduit: Can Disable Users", "not held (" + probe.evidence() + ")", CAPABILITY_FIX));
		}
		catch (ConduitException ex) {
			checks.add(Check.fail("conduit: Can Disable Users", "the probe failed: " + withoutHint(ex),
					ex.kind().hint().orElse(CAPABILITY_FIX)));
		}
		return checks;
	}

	/** The failure's message without the hint it ends with: the check shows the hint as its fix. */
	private static String withoutHint(ConduitException failure) {
		String message = String.valueOf(failure.getMessage());
		return failure.kind().hint().map((hint) -> message.replace(" (" + hint + ")", "")).orElse(message);
	}

}
