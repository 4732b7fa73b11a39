package io.flagstaff.spring.strategy;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.util.Assert;

/**
 * Creates the routing proxy of one {@link StrategyGroup}: an object of the group's
 * interface that delegates each call to the bean chosen by the flag at that moment. It is
 * an instance of a class generated next to the interface (a direct interface call per
 * method), or a JDK proxy when such a class cannot be defined there
 * ({@link RouterProxies}, which behaves the same: declared checked exceptions propagate
 * unchanged, identity {@code equals}/{@code hashCode}, {@code toString} describing the
 * router).
 */
public final class StrategyRouterFactoryBean implements FactoryBean<Object>, BeanFactoryAware {

	private final StrategyGroup group;

	private final boolean generateClass;

	private @Nullable BeanFactory beanFactory;

	private @Nullable Object proxy;

	/**
	 * Creates the factory.
	 * @param group the group to route
	 */
	public StrategyRouterFactoryBean(StrategyGroup group) {
		this(group, true);
	}

	/**
	 * Creates the factory, optionally without trying to generate a routing class (so
	 * tests can check that the JDK proxy behaves as the generated class does).
	 * @param group the group to route
	 * @param generateClass whether to try generating a routing class first
	 */
	StrategyRouterFactoryBean(StrategyGroup group, boolean generateClass) {
		this.group = group;
		this.generateClass = generateClass;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public synchronized Object getObject() {
		if (this.proxy == null) {
			Assert.state(this.beanFactory != null, "BeanFactory not set");
			Object generated = this.generateClass ? RouterClasses.create(this.group, this.beanFactory) : null;
			this.proxy = (generated != null) ? generated : RouterProxies.create(this.group, this.beanFactory);
		}
		return this.proxy;
	}

	@Override
	public Class<?> getObjectType() {
		return this.group.type();
	}

	/**
	 * Returns the routed group.
	 * @return the group
	 */
	public StrategyGroup getGroup() {
		return this.group;
	}

}
