package io.flagstaff.spring.web;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;

/**
 * Reads Spring Security's authentication when Spring Security is on the class path.
 */
final class SecuritySupport {

	static final boolean PRESENT = ClassUtils.isPresent(
			"org.springframework.security.core.context.SecurityContextHolder", SecuritySupport.class.getClassLoader());

	private SecuritySupport() {
	}

	/**
	 * Returns the authenticated principal of this thread, preferring Spring Security's.
	 * @param fallback the principal the container knows
	 * @return the principal, or {@code null} when unauthenticated or anonymous
	 */
	static @Nullable Principal principal(@Nullable Principal fallback) {
		if (!PRESENT) {
			return fallback;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated() && !isAnonymous(authentication)) {
			return authentication;
		}
		return isAnonymous(fallback) ? null : fallback;
	}

	/**
	 * Returns whether a principal is Spring Security's anonymous authentication.
	 * @param principal the principal
	 * @return whether it is anonymous
	 */
	static boolean isAnonymous(@Nullable Principal principal) {
		return PRESENT && principal instanceof AnonymousAuthenticationToken;
	}

}
