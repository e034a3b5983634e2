package android.system;

/** Compile-only: the platform's shared cleaner, API 33. */
public final class SystemCleaner {
    public static java.lang.ref.Cleaner cleaner() {
        throw new UnsupportedOperationException();
    }
}
