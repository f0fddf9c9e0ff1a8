package dev.idsync.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;

/**
 * Finds the properties of the file that binding left unused, i.e. unknown or misspelt, in one pass. Boot's
 * {@code NoUnboundElementsBindHandler} filters every property of the file again for each unused one: minutes for a
 * file of a few ten thousand unknown keys.
 */
final class UnusedProperties extends AbstractBindHandler {

	private final Set<ConfigurationPropertyName> attempted = new HashSet<>();

	private final Set<ConfigurationPropertyName> bound = new HashSet<>();

	@Override
	public <T> Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target, BindContext context) {
		this.attempted.add(name);
		return super.onStart(name, target, context);
	}

	@Override
	public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
		this.bound.add(name);
		return super.onSuccess(name, target, context, result);
	}

	/**
	 * The properties under a root that nothing was bound from, in the order of the file.
	 * @param root the name the binding started from
	 * @param sources the sources bound from
	 * @return the unused properties
	 */
	List<ConfigurationProperty> under(ConfigurationPropertyName root, Iterable<ConfigurationPropertySource> sources) {
		return StreamSupport.stream(sources.spliterator(), false)
			.filter(IterableConfigurationPropertySource.class::isInstance)
			.map(IterableConfigurationPropertySource.class::cast)
			.flatMap((source) -> source.stream()
				.filter((name) -> root.isAncestorOf(name) && !isUsed(name))
				.map(source::getConfigurationProperty))
			.toList();
	}

	private boolean isUsed(ConfigurationPropertyName name) {
		return this.bound.contains(name) || isOverridden(name);
	}

	/**
	 * Part of a list that an earlier YAML document of the file set: Boot binds a list from one document only, and its
	 * own handler forgives the other documents' elements (an element, or a property of an element that the first
	 * element of the bound list has), so this does too.
	 */
	private boolean isOverridden(ConfigurationPropertyName name) {
		int last = name.getNumberOfElements() - 1;
		if (name.isLastElementIndexed()) {
			return this.bound.contains(name.chop(last));
		}
		for (int i = 0; i < last; i++) {
			if (name.isNumericIndex(i)) {
				String zeroth = name.chop(i) + "[0]";
				ConfigurationPropertyName property = ConfigurationPropertyName
					.ofIfValid(zeroth + "." + name.getElement(i + 1, Form.ORIGINAL));
				return this.bound.contains(ConfigurationPropertyName.of(zeroth)) && this.attempted.contains(property);
			}
		}
		return false;
	}

}
