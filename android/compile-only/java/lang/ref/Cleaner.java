package java.lang.ref;

/** Compile-only: the Java 9 cleaner, on Android from API 33. */
public final class Cleaner {
    public static Cleaner create() {
        throw new UnsupportedOperationException();
    }

    public Cleanable register(Object object, Runnable action) {
        throw new UnsupportedOperationException();
    }

    public interface Cleanable {
        void clean();
    }
}
