package dev.idsync.sim.phorge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/**
 * The recorded Phorge instance of {@code phorge-conduit-exchanges.md} (24 users, their email rows and the recorded
 * throwaway tokens), loaded from {@code phorge/reference-instance.json}.
 */
public final class ReferenceInstance {

	public static final String ADMIN_TOKEN = "api-6vt2gpkk6ztdadrrddta3ev4lliu";

	public static final String BOT_TOKEN = "api-dphvclbpli3uy2ixuafjwkx5yqqe";

	public static final String ALICE_TOKEN = "api-yhhpcnuxqrezvmsl6qwvh7lzixr4";

	/** The recording's clock when it disabled dave: every edit of the replay is stamped with it. */
	public static final long NOW = 1795988538L;

	private ReferenceInstance() {
	}

	/** A fresh directory holding the recorded instance, with Phorge's default disablers (administrators). */
	public static InMemoryPhorgeDirectory directory() {
		return directory(Set.of());
	}

	/** A fresh directory holding the recorded instance; {@code extraDisablers} also hold "Can Disable Users". */
	public static InMemoryPhorgeDirectory directory(Set<String> extraDisablers) {
		Fixture fixture = read();
		return new InMemoryPhorgeDirectory(fixture.users(), fixture.emails(), fixture.tokens(), extraDisablers);
	}

	/** The recorded users, in id order. */
	public static List<PhorgeUser> users() {
		return read().users();
	}

	private static Fixture read() {
		try (InputStream in = ReferenceInstance.class.getResourceAsStream("/phorge/reference-instance.json")) {
			if (in == null) {
				throw new IllegalStateException("phorge/reference-instance.json is not on the test classpath");
			}
			return JsonMapper.shared().readValue(in, Fixture.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The file's shape. */
	record Fixture(List<PhorgeUser> users, List<PhorgeEmail> emails, List<PhorgeToken> tokens) {

	}

}
