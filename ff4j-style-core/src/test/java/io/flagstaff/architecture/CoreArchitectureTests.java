package io.flagstaff.architecture;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.flagstaff.FeatureContext;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The core's own boundaries: no Spring, no internal type in the public API, and its tests
 * outside {@code io.flagstaff.internal} use the public API as other modules must.
 */
class CoreArchitectureTests {

	private static final JavaClasses MAIN = ApiBoundary.moduleClasses("classes");

	@Test
	void theCoreDoesNotDependOnSpring() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.because("flagstaff-core is Spring-free: Spring support lives in the starter")
			.check(MAIN);
	}

	@Test
	void thePublicApiExposesNoInternalType() {
		classes().that(arePublicApi()).should(exposeNoInternalType()).check(MAIN);
	}

	@Test
	void testsOutsideTheInternalPackageUseOnlyThePublicApi() {
		ApiBoundary.ONLY_THE_CORE_USES_INTERNAL.check(ApiBoundary.moduleClasses("test-classes"));
	}

	@Test
	void theBoundaryRuleRejectsAClassThatUsesInternal() {
		JavaClasses api = new ClassFileImporter().importClasses(FeatureContext.class);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ApiBoundary.ONLY_THE_CORE_USES_INTERNAL.check(api))
			.withMessageContaining("io.flagstaff.internal.ContextBuilder");
	}

	@Test
	void theRulesSeeTheWholeCore() {
		assertThat(MAIN.containPackage("io.flagstaff.internal")).isTrue();
		assertThat(MAIN.contain("io.flagstaff.FeatureContext")).isTrue();
	}

	/**
	 * Public classes outside {@code io.flagstaff.internal}, nested ones only inside
	 * public classes.
	 */
	private static DescribedPredicate<JavaClass> arePublicApi() {
		return DescribedPredicate.describe("are public API", (javaClass) -> {
			if (javaClass.getPackageName().startsWith("io.flagstaff.internal")) {
				return false;
			}
			for (JavaClass type = javaClass; type != null; type = type.getEnclosingClass().orElse(null)) {
				if (!type.getModifiers().contains(JavaModifier.PUBLIC)) {
					return false;
				}
			}
			return true;
		});
	}

	/**
	 * No internal type as a supertype, or in the signature of a public or protected
	 * field, constructor or method (type arguments included).
	 */
	private static ArchCondition<JavaClass> exposeNoInternalType() {
		return new ArchCondition<>("expose no type of io.flagstaff.internal") {

			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				javaClass.getRawSuperclass()
					.ifPresent((superclass) -> report(javaClass, "extends", Set.of(superclass), events));
				report(javaClass, "implements", javaClass.getRawInterfaces(), events);
				for (JavaMember member : javaClass.getMembers()) {
					if (member.getModifiers().contains(JavaModifier.PUBLIC)
							|| member.getModifiers().contains(JavaModifier.PROTECTED)) {
						report(javaClass, member.getFullName(), involvedTypes(member), events);
					}
				}
			}

			private void report(JavaClass owner, String where, Iterable<JavaClass> types, ConditionEvents events) {
				for (JavaClass type : types) {
					if (type.getPackageName().startsWith("io.flagstaff.internal")) {
						events.add(SimpleConditionEvent.violated(owner,
								owner.getName() + " exposes " + type.getName() + " in " + where));
					}
				}
			}

		};
	}

	private static Set<JavaClass> involvedTypes(JavaMember member) {
		java.util.Set<JavaClass> types = new java.util.HashSet<>();
		if (member instanceof com.tngtech.archunit.core.domain.JavaField field) {
			types.addAll(field.getType().getAllInvolvedRawTypes());
		}
		if (member instanceof com.tngtech.archunit.core.domain.JavaCodeUnit codeUnit) {
			types.addAll(codeUnit.getReturnType().getAllInvolvedRawTypes());
			for (JavaType parameter : codeUnit.getParameterTypes()) {
				types.addAll(parameter.getAllInvolvedRawTypes());
			}
			codeUnit.getThrowsClause().getTypes().forEach(types::add);
		}
		return types;
	}

}
