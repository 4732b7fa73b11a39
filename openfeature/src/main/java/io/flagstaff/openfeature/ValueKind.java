package io.flagstaff.openfeature;

import java.math.BigDecimal;
import java.util.List;

import dev.openfeature.sdk.FlagValueType;
import io.flagstaff.model.FeatureValue;
import io.flagstaff.model.VariantDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The type of the values a flag serves, as OpenFeature sees it, declared by its variants:
 * a flag without variants is a boolean flag; variants that serve only their names are a
 * string flag (the value is the name); otherwise the common type of their values.
 * Variants that disagree make a mixed flag, checked per served value.
 */
enum ValueKind {

	BOOLEAN("Boolean", "getBooleanValue"),

	STRING("String", "getStringValue"),

	INTEGER("Integer", "getIntegerValue or getLongValue"),

	FLOAT("Double", "getDoubleValue"),

	OBJECT("Object", "getObjectValue"),

	MIXED("mixed", "the getter of the type its variants serve");

	private final String displayName;

	private final String getter;

	ValueKind(String displayName, String getter) {
		this.displayName = displayName;
		this.getter = getter;
	}

	String displayName() {
		return this.displayName;
	}

	String getter() {
		return this.getter;
	}

	/**
	 * Returns whether a flag of this kind can be evaluated as the type.
	 */
	boolean accepts(FlagValueType type) {
		return switch (this) {
			case BOOLEAN -> type == FlagValueType.BOOLEAN;
			case STRING -> type == FlagValueType.STRING;
			case INTEGER -> type == FlagValueType.INTEGER || type == FlagValueType.LONG || type == FlagValueType.DOUBLE;
			case FLOAT -> type == FlagValueType.DOUBLE;
			case OBJECT -> type == FlagValueType.OBJECT;
			case MIXED -> true;
		};
	}

	/**
	 * Returns the kind declared by a flag's variants.
	 */
	static ValueKind of(List<VariantDefinition> variants) {
		if (variants.isEmpty()) {
			return BOOLEAN;
		}
		ValueKind kind = null;
		for (VariantDefinition variant : variants) {
			ValueKind own = of(variant.value());
			if (kind == null || kind == own) {
				kind = own;
			}
			else if ((kind == INTEGER || kind == FLOAT) && (own == INTEGER || own == FLOAT)) {
				kind = FLOAT;
			}
			else {
				return MIXED;
			}
		}
		return (kind != null) ? kind : MIXED;
	}

	/**
	 * Returns the kind of one value; a variant without a value serves its name.
	 */
	static ValueKind of(@Nullable FeatureValue value) {
		if (value instanceof FeatureValue.Bool) {
			return BOOLEAN;
		}
		if (value instanceof FeatureValue.Num num) {
			return isWhole(num.value()) ? INTEGER : FLOAT;
		}
		if (value instanceof FeatureValue.Json) {
			return OBJECT;
		}
		return STRING;
	}

	private static boolean isWhole(BigDecimal number) {
		return number.signum() == 0 || number.scale() <= 0 || number.stripTrailingZeros().scale() <= 0;
	}

}
