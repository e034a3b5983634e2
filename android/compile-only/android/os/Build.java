package android.os;

/** Compile-only: only the nested class is kept (see ../../README.md). */
public class Build {
    public static class VERSION_CODES {
        public static final int UPSIDE_DOWN_CAKE = 34;
    }
}
