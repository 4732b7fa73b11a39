package io.flagstaff.spring.strategy;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.util.Assert;

/**
 * Creates the routing proxy of one {@link StrategyGroup}: an object of the group's
 * interface that delegates each call to the bean chosen by the flag at that moment. It is
 * an instance of a class generated next to the interface (a direct interface call per
 * method), or a JDK proxy when such a class cannot be defined there.
 */
public final class StrategyRouterFactoryBean implements FactoryBean<Object>, BeanFactoryAware {

	private final StrategyGroup group;

	private @Nullable BeanFactory beanFactory;

	private @Nullable Object proxy;

	/**
	 * Creates the factory.
	 * @param group the group to route
	 */
	public StrategyRouterFactoryBean(StrategyGroup group) {
		this.group = group;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public synchronized Object getObject() {
		if (this.proxy == null) {
			Assert.state(this.beanFactory != null, "BeanFactory not set");
			Object generated = RouterClasses.create(this.group, this.beanFactory);
			if (generated != null) {
				this.proxy = generated;
			}
			else {
				ProxyFactory factory = new ProxyFactory();
				factory.addInterface(this.group.type());
				factory.addAdvice(new StrategyRouter(this.group, this.beanFactory));
				this.proxy = factory.getProxy(this.group.type().getClassLoader());
			}
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
