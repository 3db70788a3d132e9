import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import jdk.internal.org.objectweb.asm.ClassReader;
import jdk.internal.org.objectweb.asm.ClassVisitor;
import jdk.internal.org.objectweb.asm.ClassWriter;
import jdk.internal.org.objectweb.asm.MethodVisitor;
import jdk.internal.org.objectweb.asm.Opcodes;

/**
 * A profiling agent (not part of the build): counts every call into DJL's PyTorch JNI library (the native
 * methods of {@code ai.djl.pytorch.jni.PyTorchLibrary}) by method name, by rewriting every call site in
 * DJL's PyTorch engine classes. Read with {@link #snapshot()} (through reflection, so that the profiled
 * code runs without the agent too). Built and used by {@code phases.sh}.
 */
public final class NativeCallCounter {

    private static final String LIB = "ai/djl/pytorch/jni/PyTorchLibrary";
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private NativeCallCounter() {}

    public static void hit(String name) {
        COUNTS.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    /** Calls so far, by native method. */
    public static Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        COUNTS.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public static void premain(String args, Instrumentation inst) {
        inst.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> cls, ProtectionDomain pd, byte[] bytes) {
                if (name == null || !name.startsWith("ai/djl/pytorch/") || name.equals(LIB)) {
                    return null;
                }
                try {
                    ClassReader reader = new ClassReader(bytes);
                    ClassWriter writer = new ClassWriter(reader, 0);
                    reader.accept(new ClassVisitor(Opcodes.ASM8, writer) {
                        @Override
                        public MethodVisitor visitMethod(int access, String m, String desc, String sig, String[] ex) {
                            return new MethodVisitor(Opcodes.ASM8, super.visitMethod(access, m, desc, sig, ex)) {
                                @Override
                                public void visitMethodInsn(int op, String owner, String n, String d, boolean itf) {
                                    if (owner.equals(LIB) && op == Opcodes.INVOKEVIRTUAL) {
                                        super.visitLdcInsn(n);
                                        super.visitMethodInsn(Opcodes.INVOKESTATIC, "NativeCallCounter", "hit",
                                                "(Ljava/lang/String;)V", false);
                                    }
                                    super.visitMethodInsn(op, owner, n, d, itf);
                                }

                                @Override
                                public void visitMaxs(int stack, int locals) {
                                    super.visitMaxs(stack + 1, locals);
                                }
                            };
                        }
                    }, 0);
                    return writer.toByteArray();
                } catch (RuntimeException e) {
                    System.err.println("NativeCallCounter: " + name + ": " + e);
                    return null;
                }
            }
        });
    }
}
