package io.flagstaff.spring.strategy;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.flagstaff.spring.aop.ReactiveSupport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassWriter;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.beans.factory.BeanFactory;

/**
 * Generates the routing class of a {@link StrategyGroup}: a class in the interface's
 * package that implements it, and whose every method asks the {@link StrategyRouter} for
 * the route, then calls the chosen bean through the interface, timed, with no reflection,
 * argument array or boxing. {@code Mono} and {@code Flux} methods are handed to the
 * router (routed at subscription). Thread-safe.
 */
final class RouterClasses {

	private static final Log logger = LogFactory.getLog(RouterClasses.class);

	private static final AtomicLong counter = new AtomicLong();

	private static final String ROUTER = Type.getInternalName(StrategyRouter.class);

	private static final String ROUTE = Type.getInternalName(StrategyRouter.Route.class);

	private static final String ROUTER_DESC = Type.getDescriptor(StrategyRouter.class);

	private static final String ROUTE_DESC = Type.getDescriptor(StrategyRouter.Route.class);

	private RouterClasses() {
	}

	/**
	 * Creates the routing object of a group.
	 * @param group the group
	 * @param beanFactory where the beans are found
	 * @return an instance of a generated class, or {@code null} when one cannot be
	 * defined next to the interface (the caller falls back to a JDK proxy,
	 * {@link RouterProxies})
	 */
	static @Nullable Object create(StrategyGroup group, BeanFactory beanFactory) {
		Class<?> type = group.type();
		if (!type.isInterface() || !seesRouter(type.getClassLoader())) {
			return null;
		}
		List<Method> methods = new ArrayList<>(dispatched(type).values());
		List<Method> slow = methods.stream()
			.filter((method) -> ReactiveSupport.isReactive(method.getReturnType()))
			.toList();
		StrategyRouter router = new StrategyRouter(group, beanFactory, slow);
		try {
			MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
			// No "$$": Spring takes such names for CGLIB classes and would not subclass
			// it.
			String name = type.getName() + "_FlagstaffRouter_" + counter.incrementAndGet();
			Class<?> generated = lookup.defineClass(generate(name.replace('.', '/'), type, methods, slow));
			return generated.getConstructor(StrategyRouter.class).newInstance(router);
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			logger.debug("Cannot generate the routing class of " + group.describe() + "; using a JDK proxy instead",
					ex);
			return null;
		}
	}

	private static boolean seesRouter(@Nullable ClassLoader loader) {
		if (loader == null) {
			return false;
		}
		try {
			return Class.forName(StrategyRouter.class.getName(), false, loader) == StrategyRouter.class;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	private static Map<String, Method> dispatched(Class<?> type) {
		Map<String, Method> methods = new LinkedHashMap<>();
		for (Method method : type.getMethods()) {
			if (Modifier.isStatic(method.getModifiers()) || isObjectMethod(method)) {
				continue;
			}
			methods.putIfAbsent(method.getName() + Type.getMethodDescriptor(method), method);
		}
		return methods;
	}

	private static boolean isObjectMethod(Method method) {
		try {
			Object.class.getMethod(method.getName(), method.getParameterTypes());
			return true;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	private static byte[] generate(String name, Class<?> type, List<Method> methods, List<Method> slow) {
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {

			@Override
			protected String getCommonSuperClass(String first, String second) {
				return "java/lang/Object";
			}

		};
		String typeName = Type.getInternalName(type);
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
				new String[] { typeName });
		writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "router", ROUTER_DESC, null, null).visitEnd();
		constructor(writer, name);
		toStringMethod(writer, name);
		for (Method method : methods) {
			int slowIndex = slow.indexOf(method);
			if (slowIndex >= 0) {
				slowMethod(writer, name, method, slowIndex);
			}
			else {
				routedMethod(writer, name, typeName, method);
			}
		}
		writer.visitEnd();
		return writer.toByteArray();
	}

	private static void constructor(ClassWriter writer, String name) {
		MethodVisitor mv = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(" + ROUTER_DESC + ")V", null, null);
		mv.visitCode();
		mv.visitVarInsn(Opcodes.ALOAD, 0);
		mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
		mv.visitVarInsn(Opcodes.ALOAD, 0);
		mv.visitVarInsn(Opcodes.ALOAD, 1);
		mv.visitFieldInsn(Opcodes.PUTFIELD, name, "router", ROUTER_DESC);
		mv.visitInsn(Opcodes.RETURN);
		mv.visitMaxs(0, 0);
		mv.visitEnd();
	}

	private static void toStringMethod(ClassWriter writer, String name) {
		MethodVisitor mv = writer.visitMethod(Opcodes.ACC_PUBLIC, "toString", "()Ljava/lang/String;", null, null);
		mv.visitCode();
		mv.visitVarInsn(Opcodes.ALOAD, 0);
		mv.visitFieldInsn(Opcodes.GETFIELD, name, "router", ROUTER_DESC);
		mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, ROUTER, "toString", "()Ljava/lang/String;", false);
		mv.visitInsn(Opcodes.ARETURN);
		mv.visitMaxs(0, 0);
		mv.visitEnd();
	}

	/**
	 * {@code Route route = router.route(); long start = route.start(); try { result =
	 * ((Type) route.target()).method(args); } catch (Throwable ex) { route.failed(start,
	 * ex); throw ex; } return route.completed(start, result);} ({@code succeeded} for a
	 * primitive or void result).
	 */
	private static void routedMethod(ClassWriter writer, String name, String typeName, Method method) {
		String descriptor = Type.getMethodDescriptor(method);
		MethodVisitor mv = writer.visitMethod(Opcodes.ACC_PUBLIC, method.getName(), descriptor, null,
				exceptions(method));
		mv.visitCode();
		Type[] arguments = Type.getArgumentTypes(descriptor);
		Type returnType = Type.getReturnType(descriptor);
		int routeSlot = 1;
		for (Type argument : arguments) {
			routeSlot += argument.getSize();
		}
		int startSlot = routeSlot + 1;
		int resultSlot = startSlot + 2;
		mv.visitVarInsn(Opcodes.ALOAD, 0);
		mv.visitFieldInsn(Opcodes.GETFIELD, name, "router", ROUTER_DESC);
		mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, ROUTER, "route", "()" + ROUTE_DESC, false);
		mv.visitVarInsn(Opcodes.ASTORE, routeSlot);
		mv.visitVarInsn(Opcodes.ALOAD, routeSlot);
		mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, ROUTE, "target", "()Ljava/lang/Object;", false);
		mv.visitTypeInsn(Opcodes.CHECKCAST, typeName);
		mv.visitVarInsn(Opcodes.ALOAD, routeSlot);
		mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, ROUTE, "start", "()J", false);
		mv.visitVarInsn(Opcodes.LSTORE, startSlot);
		Label tryStart = new Label();
		Label tryEnd = new Label();
		Label handler = new Label();
		mv.visitTryCatchBlock(tryStart, tryEnd, handler, "java/lang/Throwable");
		mv.visitLabel(tryStart);
		int slot = 1;
		for (Type argument : arguments) {
			mv.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
			slot += argument.getSize();
		}
		mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, typeName, method.getName(), descriptor, true);
		mv.visitLabel(tryEnd);
		if (returnType.getSort() == Type.VOID) {
			succeeded(mv, routeSlot, startSlot);
			mv.visitInsn(Opcodes.RETURN);
		}
		else if (returnType.getSort() == Type.OBJECT || returnType.getSort() == Type.ARRAY) {
			mv.visitVarInsn(Opcodes.ASTORE, resultSlot);
			mv.visitVarInsn(Opcodes.ALOAD, routeSlot);
			mv.visitVarInsn(Opcodes.LLOAD, startSlot);
			mv.visitVarInsn(Opcodes.ALOAD, resultSlot);
			mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, ROUTE, "completed", "(JLjava/lang/Object;)Ljava/lang/Object;",
					false);
			mv.visitTypeInsn(Opcodes.CHECKCAST, returnType.getInternalName());
			mv.visitInsn(Opcodes.ARETURN);
		}
		else {
			mv.visitVarInsn(returnType.getOpcode(Opcodes.ISTORE), resultSlot);
			succeeded(mv, routeSlot, startSlot);
			mv.visitVarInsn(returnType.getOpcode(Opcodes.ILOAD), resultSlot);
			mv.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
		}
		mv.visitLabel(handler);
		mv.visitVarInsn(Opcodes.ASTORE, resultSlot);
		mv.visitVarInsn(Opcodes.ALOAD, routeSlot);
		mv.visitVarInsn(Opcodes.LLOAD, startSlot);
		mv.visitVarInsn(Opcodes.ALOAD, resultSlot);
		mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, ROUTE, "failed", "(JLjava/lang/Throwable;)V", false);
		mv.visitVarInsn(Opcodes.ALOAD, resultSlot);
		mv.visitInsn(Opcodes.ATHROW);
		mv.visitMaxs(0, 0);
		mv.visitEnd();
	}

	private static void succeeded(MethodVisitor mv, int routeSlot, int startSlot) {
		mv.visitVarInsn(Opcodes.ALOAD, routeSlot);
		mv.visitVarInsn(Opcodes.LLOAD, startSlot);
		mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, ROUTE, "succeeded", "(J)V", false);
	}

	/**
	 * {@code return (R) router.invokeSlow(index, new Object[] { args... });}
	 */
	private static void slowMethod(ClassWriter writer, String name, Method method, int index) {
		String descriptor = Type.getMethodDescriptor(method);
		MethodVisitor mv = writer.visitMethod(Opcodes.ACC_PUBLIC, method.getName(), descriptor, null,
				exceptions(method));
		mv.visitCode();
		Type[] arguments = Type.getArgumentTypes(descriptor);
		mv.visitVarInsn(Opcodes.ALOAD, 0);
		mv.visitFieldInsn(Opcodes.GETFIELD, name, "router", ROUTER_DESC);
		mv.visitLdcInsn(index);
		mv.visitLdcInsn(arguments.length);
		mv.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
		int slot = 1;
		for (int i = 0; i < arguments.length; i++) {
			mv.visitInsn(Opcodes.DUP);
			mv.visitLdcInsn(i);
			mv.visitVarInsn(arguments[i].getOpcode(Opcodes.ILOAD), slot);
			box(mv, arguments[i]);
			mv.visitInsn(Opcodes.AASTORE);
			slot += arguments[i].getSize();
		}
		mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, ROUTER, "invokeSlow", "(I[Ljava/lang/Object;)Ljava/lang/Object;",
				false);
		mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getReturnType(descriptor).getInternalName());
		mv.visitInsn(Opcodes.ARETURN);
		mv.visitMaxs(0, 0);
		mv.visitEnd();
	}

	private static void box(MethodVisitor mv, Type type) {
		String owner = switch (type.getSort()) {
			case Type.BOOLEAN -> "java/lang/Boolean";
			case Type.BYTE -> "java/lang/Byte";
			case Type.CHAR -> "java/lang/Character";
			case Type.SHORT -> "java/lang/Short";
			case Type.INT -> "java/lang/Integer";
			case Type.LONG -> "java/lang/Long";
			case Type.FLOAT -> "java/lang/Float";
			case Type.DOUBLE -> "java/lang/Double";
			default -> null;
		};
		if (owner != null) {
			mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, "valueOf", "(" + type.getDescriptor() + ")L" + owner + ";",
					false);
		}
	}

	private static String @Nullable [] exceptions(Method method) {
		Class<?>[] types = method.getExceptionTypes();
		if (types.length == 0) {
			return null;
		}
		String[] names = new String[types.length];
		for (int i = 0; i < types.length; i++) {
			names[i] = Type.getInternalName(types[i]);
		}
		return names;
	}

}
