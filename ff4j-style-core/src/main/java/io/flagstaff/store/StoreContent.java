package io.flagstaff.store;

import java.util.Objects;

import io.flagstaff.model.FeatureSet;

/**
 * What a store holds at one moment: the flags and the store's revision of them.
 *
 * @param features the flags and segments
 * @param revision the store's revision; it changes whenever the content changes
 */
public record StoreContent(FeatureSet features, long revision) {

	public StoreContent {
		Objects.requireNonNull(features, "features");
	}

}
