package dev.idsync.config;

import java.io.StringReader;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Describes a key that a YAML mapping repeats, with its path and both lines: SnakeYAML's own exception names only the
 * second one. It composes the text again into nodes, which keep every key with its place.
 */
final class DuplicateKeys {

	private final Mark repeated;

	private final Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());

	private DuplicateKeys(Mark repeated) {
		this.repeated = repeated;
	}

	/**
	 * Describes the duplicate key at a place.
	 * @param text the YAML text
	 * @param repeated where the repeated key stands, as SnakeYAML reported it
	 * @return e.g. {@code duplicate key 'url' under idsync.phorge, lines 21 and 24}, or {@code null} if not found
	 */
	static @Nullable String describe(String text, Mark repeated) {
		DuplicateKeys keys = new DuplicateKeys(repeated);
		try {
			for (Node document : new Yaml(new LoaderOptions()).composeAll(new StringReader(text))) {
				String found = keys.find(document, "");
				if (found != null) {
					return found;
				}
			}
		}
		catch (YAMLException ex) {
			// the text is broken further on: SnakeYAML's own words will do
		}
		return null;
	}

	private @Nullable String find(Node node, String path) {
		if (!this.visited.add(node)) {
			return null;
		}
		if (node instanceof MappingNode mapping) {
			return inMapping(mapping.getValue(), path);
		}
		if (node instanceof SequenceNode sequence) {
			List<Node> items = sequence.getValue();
			for (int i = 0; i < items.size(); i++) {
				String found = find(items.get(i), path + "[" + i + "]");
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private @Nullable String inMapping(List<NodeTuple> tuples, String path) {
		Map<String, Node> seen = new HashMap<>();
		for (NodeTuple tuple : tuples) {
			if (tuple.getKeyNode() instanceof ScalarNode key) {
				Node first = seen.putIfAbsent(key.getValue(), key);
				if (first != null && key.getStartMark().getIndex() == this.repeated.getIndex()) {
					return "duplicate key '" + key.getValue() + "' " + under(path) + ", lines "
							+ (first.getStartMark().getLine() + 1) + " and " + (key.getStartMark().getLine() + 1);
				}
			}
		}
		for (NodeTuple tuple : tuples) {
			String key = (tuple.getKeyNode() instanceof ScalarNode scalar) ? scalar.getValue() : "?";
			String found = find(tuple.getValueNode(), path.isEmpty() ? key : path + "." + key);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static String under(String path) {
		return path.isEmpty() ? "at the top level" : "under " + path;
	}

}
